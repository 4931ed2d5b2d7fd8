package org.ebpmlake.pipelines.sources;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A sample delivery as an Excel workbook (one sheet, a header row, then data rows) the way a department
 * fills one in: plain numbers become numeric cells, everything else stays text. The workbook's creation
 * date is fixed, so the same rows give the same bytes and a re-run ingests nothing new.
 */
final class ExcelWorkbookFile {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Date FIXED_CREATION = new Date(1_700_000_000_000L);

    private final Path file;

    ExcelWorkbookFile(Path file) {
        this.file = requireNonNull(file, "file is null");
    }

    Path write(List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(FIXED_CREATION));
            XSSFSheet sheet = workbook.createSheet("実績");
            writeRow(sheet.createRow(0), header);
            for (int index = 0; index < rows.size(); index++) {
                writeRow(sheet.createRow(index + 1), rows.get(index));
            }
            ByteArrayOutputStream workbookBytes = new ByteArrayOutputStream();
            workbook.write(workbookBytes);
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(withFixedEntryTimes(workbookBytes.toByteArray()));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample workbook " + file, e);
        }
    }

    /** POI stamps every zip entry with the current time; the sample must not change from run to run. */
    private static byte[] withFixedEntryTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream fixed = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream out = new ZipOutputStream(fixed)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(FIXED_CREATION.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return fixed.toByteArray();
    }

    private static void writeRow(XSSFRow row, List<String> values) {
        for (int column = 0; column < values.size(); column++) {
            String value = values.get(column);
            if (PLAIN_NUMBER.matcher(value).matches()) {
                row.createCell(column).setCellValue(Double.parseDouble(value));
            } else {
                row.createCell(column).setCellValue(value);
            }
        }
    }
}
