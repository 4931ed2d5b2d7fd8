package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.ColumnType;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Reads Excel workbooks (xlsx) as departments fill them in, with Apache POI: the first sheet whose top rows
 * name the dataset's columns (a cover sheet before it is passed over), the header found among title rows,
 * merged cells and units rows by {@link HeaderLocator}, the sheet's row number as the line. A cell is handed on
 * as a steward reads it, by the type of the column it falls in:
 * <ul>
 *   <li>a date or time column takes a number as Excel's serial day, whether or not the cell is formatted as a
 *       date (a date typed into a number-formatted column is still a date), in the workbook's date system;</li>
 *   <li>a decimal column takes a percent-formatted cell as it shows (0.452 formatted as 45.2% is 45.2, in the
 *       column's declared percent unit), any other number as its exact value;</li>
 *   <li>a text column takes what the cell shows (a code formatted {@code 000} keeps its leading zeros);</li>
 *   <li>a date-formatted cell anywhere else is handed on as shown, so it is refused rather than read as a number
 *       of days.</li>
 * </ul>
 * A formula cell gives its cached result. Workbooks are department-sized and read on the driver.
 */
final class XlsxReader implements DeliveryReader {
    private final SparkSession spark;
    private final DatasetDeclaration dataset;

    XlsxReader(SparkSession spark, DatasetDeclaration dataset) {
        this.spark = requireNonNull(spark, "spark is null");
        this.dataset = requireNonNull(dataset, "dataset is null");
    }

    @Override
    public DeliveryRecords read(Path file, String fileName) {
        try (Workbook workbook = open(file, fileName)) {
            boolean date1904 = workbook instanceof XSSFWorkbook xssf && xssf.isDate1904();
            Optional<LakeException> firstFailure = Optional.empty();
            for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
                try {
                    return read(workbook.getSheetAt(index), fileName, date1904);
                } catch (LakeException noHeader) {
                    firstFailure = firstFailure.or(() -> Optional.of(noHeader));
                }
            }
            throw firstFailure.orElseGet(() -> new LakeException(ErrorCategory.INVALID_FILE, fileName
                    + "：ワークブックにシートがありません。データのシートを付けて再送してください / " + fileName
                    + ": the workbook has no sheet; deliver the data on a sheet"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close workbook " + file, e);
        }
    }

    private static Workbook open(Path file, String fileName) {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        } catch (IOException | org.apache.poi.UnsupportedFileFormatException | org.apache.poi.EmptyFileException
                | org.apache.poi.EncryptedDocumentException | org.apache.poi.ooxml.POIXMLException notAWorkbook) {
            throw new LakeException(ErrorCategory.INVALID_FILE, fileName + "：Excel ブック（xlsx）として読めません。"
                    + "Excel で開けることを確かめて再送してください / " + fileName + ": cannot be read as an Excel workbook (xlsx);"
                    + " check that Excel opens it (without a password) and deliver it again", notAWorkbook);
        }
    }

    private DeliveryRecords read(Sheet sheet, String fileName, boolean date1904) {
        DataFormatter shown = new DataFormatter();
        List<SheetRow> top = new ArrayList<>();
        for (int rowIndex = 0; rowIndex <= sheet.getLastRowNum() && top.size() < HeaderLocator.SCANNED_ROWS * 2; rowIndex++) {
            Row row = sheet.getRow(rowIndex);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int column = 0; column < row.getLastCellNum(); column++) {
                    cells.add(shownText(row.getCell(column), shown));
                }
            }
            top.add(new SheetRow(rowIndex + 1, rowIndex + 1, cells));
        }
        List<MergedRegion> merged = new ArrayList<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            Row row = sheet.getRow(region.getFirstRow());
            String value = row == null ? "" : shownText(row.getCell(region.getFirstColumn()), shown);
            merged.add(new MergedRegion(region.getFirstRow() + 1L, region.getLastRow() + 1L, region.getFirstColumn(),
                    region.getLastColumn(), value));
        }
        HeaderLayout layout = new HeaderLocator(dataset).locate(fileName, top, merged);
        ColumnType[] typeOfField = typeOfField(layout);
        List<DeliveryRecord> records = new ArrayList<>();
        for (long line = layout.headerLines() + 1; line <= sheet.getLastRowNum() + 1L; line++) {
            Row row = sheet.getRow((int) line - 1);
            if (row == null) {
                records.add(DeliveryRecord.blank(line));
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (int column = 0; column < Math.max(layout.width(), row.getLastCellNum()); column++) {
                ColumnType type = column < typeOfField.length ? typeOfField[column] : ColumnType.STRING;
                fields.add(text(row.getCell(column), type, shown, date1904));
            }
            if (fields.stream().allMatch(String::isBlank)) {
                records.add(DeliveryRecord.blank(line));
            } else {
                records.add(DeliveryRecord.of(line, fields.toArray(String[]::new), String.join(",", fields)));
            }
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return new DeliveryRecords(context.parallelize(records, Math.max(1, context.defaultParallelism())), layout, "xlsx",
                Optional.empty());
    }

    /** The declared type of each field of the header; text for extra fields. */
    private ColumnType[] typeOfField(HeaderLayout layout) {
        ColumnType[] types = new ColumnType[layout.width()];
        java.util.Arrays.fill(types, ColumnType.STRING);
        int[] fieldOfColumn = layout.fieldOfColumn();
        for (int column = 0; column < fieldOfColumn.length; column++) {
            if (fieldOfColumn[column] >= 0) {
                ColumnDeclaration declared = dataset.columns().get(column);
                types[fieldOfColumn[column]] = declared.type();
            }
        }
        return types;
    }

    private static String shownText(Cell cell, DataFormatter shown) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return cachedText(cell, shown);
        }
        return shown.formatCellValue(cell);
    }

    private static String cachedText(Cell cell, DataFormatter shown) {
        return switch (cell.getCachedFormulaResultType()) {
            case NUMERIC -> shown.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                    cell.getCellStyle().getDataFormatString());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case BLANK, _NONE -> "";
            case ERROR -> "#ERROR";
            case FORMULA -> throw new IllegalStateException("a formula's cached result cannot be a formula");
        };
    }

    private static String text(Cell cell, ColumnType type, DataFormatter shown, boolean date1904) {
        if (cell == null) {
            return "";
        }
        CellType cellType = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (cellType != CellType.NUMERIC) {
            return shownText(cell, shown);
        }
        double number = cell.getNumericCellValue();
        if (type != ColumnType.DATE && type != ColumnType.TIMESTAMP && DateUtil.isCellDateFormatted(cell)) {
            // A date where a number or text belongs: handed on as shown, so it is refused, not read as a day count.
            return shownText(cell, shown);
        }
        return switch (type) {
            case DATE, TIMESTAMP -> serialDay(number, date1904);
            case DOUBLE -> {
                String format = cell.getCellStyle().getDataFormatString();
                if (format != null && format.contains("%")) {
                    yield BigDecimal.valueOf(number).movePointRight(2).stripTrailingZeros().toPlainString();
                }
                yield BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            }
            case INT, LONG, BOOLEAN -> BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            case STRING -> shownText(cell, shown);
        };
    }

    /** Excel's serial day as an ISO date, or date and time when it has a fraction of a day. */
    private static String serialDay(double serial, boolean date1904) {
        if (!DateUtil.isValidExcelDate(serial)) {
            return BigDecimal.valueOf(serial).toPlainString();
        }
        LocalDateTime dateTime = DateUtil.getLocalDateTime(serial, date1904, true);
        if (dateTime.toLocalTime().toSecondOfDay() == 0 && dateTime.getNano() == 0) {
            return dateTime.toLocalDate().toString();
        }
        return dateTime.toString();
    }
}
