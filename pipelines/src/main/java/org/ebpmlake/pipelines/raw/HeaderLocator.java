package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Finds a delivery's header the way a person would: the row (or pair of rows) near the top that names the most
 * declared columns. Title rows above it, a second header row (a group heading over its columns, or a name split
 * over two rows, as merged cells in a workbook often are) and a units row below it are passed over; columns may
 * come in any order.
 *
 * <p>Names match after NFKC normalisation, without spaces or line breaks and ignoring case, by the column's
 * name or its declared header; a unit in brackets after the name ({@code 実績値（件）}) is allowed. Fields no
 * column claims are extra columns, ignored and reported; an optional column the file lacks reads as empty;
 * a required column it lacks, or one named twice, refuses the file.
 */
final class HeaderLocator {
    /** How many rows from the top may hold the header. */
    static final int SCANNED_ROWS = 30;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_UNIT = Pattern.compile("(\\(.*\\)|\\[.*]|【.*】|<.*>)$");
    private static final Pattern BRACKETED = Pattern.compile("^(\\(.*\\)|\\[.*]|【.*】|<.*>)$");
    private static final Set<String> UNIT_WORDS = Set.of("人", "名", "件", "円", "千円", "万円", "百万円", "億円", "%",
            "校", "回", "時間", "分", "秒", "日", "月", "年", "年度", "点", "個", "台", "世帯", "m", "km", "m2", "km2",
            "歳", "才", "箇所", "か所", "ヶ所", "ケ所", "団体", "部局", "ポイント", "pt", "倍", "割", "率", "-");

    private final DatasetDeclaration dataset;
    private final Map<String, Integer> columnByName = new HashMap<>();

    HeaderLocator(DatasetDeclaration dataset) {
        this.dataset = requireNonNull(dataset, "dataset is null");
        for (int index = 0; index < dataset.columns().size(); index++) {
            ColumnDeclaration column = dataset.columns().get(index);
            columnByName.put(normalized(column.name()), index);
            columnByName.put(normalized(column.header()), index);
        }
    }

    /** The layout of a delivery whose first rows (blank ones included or not) are given. */
    HeaderLayout locate(String fileName, List<SheetRow> firstRows, List<MergedRegion> merged) {
        requireNonNull(fileName, "fileName is null");
        List<SheetRow> rows = firstRows.stream().filter(row -> !row.isBlank()).limit(SCANNED_ROWS).toList();
        // The most columns named wins; on a tie the single row (a title or units row beside a full header
        // adds nothing), then the earlier one.
        Optional<Match> best = Optional.empty();
        for (int height = 1; height <= 2; height++) {
            for (int start = 0; start + height <= rows.size(); start++) {
                Match match = match(rows.subList(start, start + height), merged);
                if (best.isEmpty() || match.score() > best.get().score()) {
                    best = Optional.of(match.endingAt(start + height - 1));
                }
            }
        }
        if (best.isEmpty() || best.get().score() == 0) {
            throw new LakeException(ErrorCategory.INVALID_FILE, fileName + "：先頭 " + SCANNED_ROWS + " 行に "
                    + dataset.name() + " の列名の行が見つかりません。見出し行を付けて再送してください / " + fileName
                    + ": no row in the first " + SCANNED_ROWS + " lines names a column of dataset " + dataset.name()
                    + " (expected headers such as " + String.join(", ", requiredHeaders()) + "); add the header row and deliver the file again");
        }
        Match chosen = best.get();
        long headerLines = chosen.lastLine();
        int next = chosen.lastRowIndex() + 1;
        if (next < rows.size() && isUnitsRow(rows.get(next))) {
            headerLines = rows.get(next).lastLine();
        }
        return layout(fileName, chosen, headerLines);
    }

    /** The layout of a delivery whose columns have names but no rows above them (Parquet). */
    HeaderLayout matchNames(String fileName, List<String> names) {
        Match match = match(List.of(new SheetRow(1, 1, names)), List.of());
        return layout(fileName, match, 0);
    }

    private HeaderLayout layout(String fileName, Match match, long headerLines) {
        String where = match.rows().get(0).line() == match.lastLine()
                ? " " + match.lastLine() + " 行目" : " " + match.rows().get(0).line() + "〜" + match.lastLine() + " 行目";
        String whereEnglish = match.rows().get(0).line() == match.lastLine()
                ? " line " + match.lastLine() : " lines " + match.rows().get(0).line() + "-" + match.lastLine();
        if (headerLines == 0) {
            where = "";
            whereEnglish = "";
        }
        if (!match.duplicates().isEmpty()) {
            String header = dataset.columns().get(match.duplicates().get(0)).header();
            throw new LakeException(ErrorCategory.INVALID_FILE, fileName + where + "：列「" + header
                    + "」が見出しに2回あります。1つにして再送してください / " + fileName + whereEnglish + ": column '" + header
                    + "' appears twice in the header; keep one and deliver the file again");
        }
        List<String> missingOptional = new ArrayList<>();
        for (int column = 0; column < dataset.columns().size(); column++) {
            if (match.fieldOfColumn()[column] >= 0) {
                continue;
            }
            ColumnDeclaration declared = dataset.columns().get(column);
            if (declared.required()) {
                throw new LakeException(ErrorCategory.INVALID_FILE, fileName + where + "：必須の列「" + declared.header()
                        + "」が見出しにありません。列を加えて再送してください / " + fileName + whereEnglish + ": the header lacks the required column '"
                        + declared.header() + "' of dataset " + dataset.name() + "; add it and deliver the file again");
            }
            missingOptional.add(declared.header());
        }
        return new HeaderLayout(headerLines, match.width(), match.fieldOfColumn(), match.extraHeaders(), missingOptional);
    }

    /**
     * How well a block of one or two rows reads as the header. Each field takes the first declared column named
     * by its own cell (the lower row first, nearest the data), or failing that by the block's cells read top to
     * bottom as one name (実績 over 値 is 実績値). A column named by two fields' own cells is a duplicate; one
     * named only through merged cells goes to its leftmost field.
     */
    private Match match(List<SheetRow> block, List<MergedRegion> merged) {
        SheetRow first = block.get(0);
        SheetRow last = block.get(block.size() - 1);
        int width = 0;
        for (SheetRow row : block) {
            width = Math.max(width, row.cells().size());
        }
        for (MergedRegion region : merged) {
            if (region.lastLine() >= first.line() && region.firstLine() <= last.line()) {
                width = Math.max(width, region.lastColumn() + 1);
            }
        }
        int[] fieldOfColumn = new int[dataset.columns().size()];
        Arrays.fill(fieldOfColumn, -1);
        boolean[] claimedDirectly = new boolean[fieldOfColumn.length];
        List<Integer> duplicates = new ArrayList<>();
        Map<Integer, String> unclaimed = new LinkedHashMap<>();
        for (int field = 0; field < width; field++) {
            Optional<Integer> direct = Optional.empty();
            for (int index = block.size() - 1; index >= 0 && direct.isEmpty(); index--) {
                direct = column(own(block.get(index), field, merged));
            }
            String combined = combined(block, field, merged);
            if (direct.isPresent()) {
                int column = direct.get();
                if (claimedDirectly[column]) {
                    duplicates.add(column);
                } else {
                    fieldOfColumn[column] = field;
                    claimedDirectly[column] = true;
                }
                continue;
            }
            Optional<Integer> throughMerge = column(combined);
            if (throughMerge.isPresent() && fieldOfColumn[throughMerge.get()] < 0) {
                fieldOfColumn[throughMerge.get()] = field;
            } else if (!combined.isBlank() && ownText(block, field, merged)) {
                unclaimed.put(field, combined);
            }
        }
        int score = 0;
        for (int field : fieldOfColumn) {
            if (field >= 0) {
                score++;
            }
        }
        return new Match(block, last.lastLine(), width, score, fieldOfColumn, duplicates,
                List.copyOf(unclaimed.values()), block.size() - 1);
    }

    /** A block of rows read as the header; {@code lastRowIndex} is its last row's place among the scanned rows. */
    private record Match(List<SheetRow> rows, long lastLine, int width, int score, int[] fieldOfColumn,
            List<Integer> duplicates, List<String> extraHeaders, int lastRowIndex) {
        Match endingAt(int index) {
            return new Match(rows, lastLine, width, score, fieldOfColumn, duplicates, extraHeaders, index);
        }
    }

    /** The text a field has in a row: its cell, or a merged region's value when the region starts in this column. */
    private static String own(SheetRow row, int field, List<MergedRegion> merged) {
        String cell = row.cell(field);
        if (!cell.isBlank()) {
            return cell;
        }
        for (MergedRegion region : merged) {
            if (region.covers(row.line(), field) && region.firstColumn() == field) {
                return region.value();
            }
        }
        return "";
    }

    private static boolean ownText(List<SheetRow> block, int field, List<MergedRegion> merged) {
        return block.stream().anyMatch(row -> !own(row, field, merged).isBlank());
    }

    /** The block's texts for a field top to bottom, a merged region's value filling every cell it covers. */
    private static String combined(List<SheetRow> block, int field, List<MergedRegion> merged) {
        StringBuilder name = new StringBuilder();
        String previous = "";
        for (SheetRow row : block) {
            String text = row.cell(field);
            if (text.isBlank()) {
                for (MergedRegion region : merged) {
                    if (region.covers(row.line(), field)) {
                        text = region.value();
                    }
                }
            }
            if (!text.isBlank() && !text.equals(previous)) {
                name.append(text.strip());
            }
            previous = text;
        }
        return name.toString();
    }

    private Optional<Integer> column(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        String name = normalized(text);
        Integer column = columnByName.get(name);
        if (column == null) {
            column = columnByName.get(TRAILING_UNIT.matcher(name).replaceFirst(""));
        }
        return Optional.ofNullable(column);
    }

    private static boolean isUnitsRow(SheetRow row) {
        boolean anyUnit = false;
        for (String cell : row.cells()) {
            if (cell.isBlank()) {
                continue;
            }
            String text = normalized(cell);
            boolean unit = BRACKETED.matcher(text).matches() || text.startsWith("単位") || UNIT_WORDS.contains(text);
            if (!unit) {
                return false;
            }
            anyUnit = true;
        }
        return anyUnit;
    }

    private List<String> requiredHeaders() {
        return dataset.columns().stream().filter(ColumnDeclaration::required).map(ColumnDeclaration::header).limit(4).toList();
    }

    static String normalized(String text) {
        String name = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("\uFEFF", "");
        return SPACES.matcher(name).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
