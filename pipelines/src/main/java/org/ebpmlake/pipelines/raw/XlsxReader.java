package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Reads Excel workbooks (xlsx) as departments fill them in: the first sheet, its first row the header,
 * the row number in Excel as the line. Numeric cells are handed on as plain decimals, date cells as ISO
 * dates, text cells as typed, so one {@link RowParser} reads them all. Workbooks are department-sized and
 * read on the driver.
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
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null) {
                throw new LakeException(ErrorCategory.INVALID_FILE, fileName + "：最初のシートが空です（見出し行がありません） / "
                        + fileName + ": the workbook's first sheet is empty (no header row)");
            }
            List<String> header = texts(headerRow, headerRow.getLastCellNum());
            while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
                header.remove(header.size() - 1);
            }
            int[] columnOfField = HeaderMapping.columnOfField(dataset, fileName, header);
            List<DeliveryRecord> records = new ArrayList<>();
            for (int rowIndex = headerRow.getRowNum() + 1; rowIndex <= sheet.getLastRowNum(); rowIndex++) {
                Row row = sheet.getRow(rowIndex);
                if (row == null) {
                    continue;
                }
                List<String> fields = texts(row, Math.max(header.size(), row.getLastCellNum()));
                while (fields.size() > header.size() && fields.get(fields.size() - 1).isBlank()) {
                    fields.remove(fields.size() - 1);
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                records.add(DeliveryRecord.of(rowIndex + 1, fields.toArray(String[]::new), String.join(",", fields)));
            }
            return new DeliveryRecords(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(records, 1),
                    columnOfField, "xlsx");
        } catch (IOException | org.apache.poi.UnsupportedFileFormatException | org.apache.poi.EmptyFileException
                | org.apache.poi.EncryptedDocumentException | org.apache.poi.ooxml.POIXMLException notAWorkbook) {
            throw new LakeException(ErrorCategory.INVALID_FILE, fileName + "：Excel ブック（xlsx）として読めません。"
                    + "Excel で開けることを確かめて再送してください / " + fileName + ": cannot be read as an Excel workbook (xlsx);"
                    + " check that Excel opens it (without a password) and deliver it again", notAWorkbook);
        }
    }

    private static List<String> texts(Row row, int cells) {
        List<String> texts = new ArrayList<>();
        for (int column = 0; column < cells; column++) {
            texts.add(text(row.getCell(column)));
        }
        return texts;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                yield BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            }
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case BLANK, _NONE -> "";
            case ERROR -> "#ERROR";
            case FORMULA -> throw new IllegalStateException("a formula's cached result cannot be a formula");
        };
    }
}
