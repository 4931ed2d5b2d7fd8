package org.ebpmlake.pipelines.raw;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The test deliveries under {@code deliveries/}, put in a folder as a steward would receive them. Text files and
 * the older binary ones are copied from the test resources; the workbooks with merged cells, typed cells and
 * formats, and a Parquet file with its own column order, are written here from code, so what is in each cell
 * can be read.
 */
final class DeliveryFiles {
    private DeliveryFiles() {
    }

    static Path put(String name, Path folder, SparkSession spark) {
        Path target = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            switch (name) {
                case "mood_checkins_messy.xlsx" -> moodCheckinsWorkbook(target);
                case "kpi_actuals_messy.xlsx" -> kpiActualsWorkbook(target);
                case "subway_exit_counts_messy.parquet" -> subwayExitCounts(target, spark);
                default -> copy(name, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put test delivery " + name, e);
        }
    }

    private static void copy(String name, Path target) throws IOException {
        try (InputStream in = DeliveryFiles.class.getResourceAsStream("/deliveries/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test delivery " + name);
            }
            Files.copy(in, target);
        }
    }

    /**
     * A school's mood check-ins for March: a title merged over the sheet, the student and day headers merged down
     * over a units row, days as serial numbers in a number-formatted cell, as a date-formatted cell and as text.
     */
    private static void moodCheckinsWorkbook(Path target) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("3月");
            CellStyle number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("0"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            text(sheet.createRow(0), 0, "心の天気 入力記録（3月）");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
            XSSFRow header = sheet.createRow(1);
            text(header, 0, "児童生徒番号");
            text(header, 1, "入力日");
            text(header, 2, "心の天気");
            text(sheet.createRow(2), 2, "（晴れ・くもり・雨・かみなり）");
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            XSSFRow first = sheet.createRow(3);
            text(first, 0, "S00000001");
            first.createCell(1).setCellValue(45747);
            first.getCell(1).setCellStyle(number);
            text(first, 2, "ｓｕｎｎｙ");
            XSSFRow second = sheet.createRow(4);
            text(second, 0, "S00000002");
            second.createCell(1).setCellValue(LocalDate.of(2025, 3, 28));
            second.getCell(1).setCellStyle(date);
            text(second, 2, "cloudy");
            XSSFRow third = sheet.createRow(5);
            text(third, 0, "S00000003");
            text(third, 1, "R7.3.27");
            text(third, 2, "rainy");
            XSSFRow fourth = sheet.createRow(6);
            text(fourth, 0, "S00000004");
            text(fourth, 1, "2025年3月26日(水)");
            text(fourth, 2, "stormy");
            XSSFRow fifth = sheet.createRow(8);
            text(fifth, 0, "S00000005");
            fifth.createCell(1).setCellValue(45743);
            text(fifth, 2, "Sunny");
            write(workbook, target);
        }
    }

    /**
     * A department's KPI figures: a title merged over the sheet, a units row, a percentage in a percent-formatted
     * cell, a year as a number, a value from a formula, negatives written with △ and U+2212, a note column.
     */
    private static void kpiActualsWorkbook(Path target) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("実績");
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            text(sheet.createRow(0), 0, "KPI実績報告（水道局）");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            XSSFRow header = sheet.createRow(1);
            List<String> names = List.of("指標ID", "年度", "実績値", "報告所属", "備考");
            for (int column = 0; column < names.size(); column++) {
                text(header, column, names.get(column));
            }
            XSSFRow units = sheet.createRow(2);
            text(units, 0, "(ID)");
            text(units, 1, "(和暦可)");
            text(units, 2, "(%)");
            XSSFRow first = sheet.createRow(3);
            text(first, 0, "K01-04-1");
            text(first, 1, "令和5年度");
            first.createCell(2).setCellValue(0.452);
            first.getCell(2).setCellStyle(percent);
            text(first, 3, "水道局");
            text(first, 4, "前年度比 +3.1pt");
            XSSFRow second = sheet.createRow(4);
            text(second, 0, "K01-04-1");
            second.createCell(1).setCellValue(2024);
            text(second, 2, "△1,000");
            text(second, 3, "水道局");
            XSSFRow third = sheet.createRow(5);
            text(third, 0, "K01-05-1");
            text(third, 1, "R3年度");
            Cell formula = third.createCell(2);
            formula.setCellFormula("10*5");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(formula);
            text(third, 3, "水道局");
            XSSFRow fourth = sheet.createRow(6);
            text(fourth, 0, "K01-05-1");
            text(fourth, 1, "H30年度");
            text(fourth, 2, "\u2212250");
            text(fourth, 3, "水道局");
            write(workbook, target);
        }
    }

    /** Beacon counts with the columns in another order and an extra one, stations in full-width letters. */
    private static void subwayExitCounts(Path target, SparkSession spark) throws IOException {
        StructType schema = new StructType()
                .add("devices", DataTypes.LongType, true)
                .add("note", DataTypes.StringType, true)
                .add("exit_name", DataTypes.StringType, true)
                .add("counted_at", DataTypes.TimestampType, true)
                .add("station_code", DataTypes.StringType, true);
        List<org.apache.spark.sql.Row> rows = List.of(
                RowFactory.create(1234L, "晴れ", "1番出口", Instant.parse("2025-03-31T00:00:00Z"), "M16"),
                RowFactory.create(0L, null, "2番出口", Instant.parse("2025-03-31T01:00:00Z"), "Ｍ１７"),
                RowFactory.create(56L, "工事中", "南改札", Instant.parse("2025-03-31T02:00:00Z"), "M20"));
        Path written = target.resolveSibling(target.getFileName() + ".spark");
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(written.toUri().toString());
        try (Stream<Path> files = Files.list(written)) {
            Path part = files.filter(file -> file.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.move(part, target);
        }
    }

    private static void text(XSSFRow row, int column, String value) {
        row.createCell(column).setCellValue(value);
    }

    private static void write(XSSFWorkbook workbook, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            workbook.write(out);
        }
    }
}
