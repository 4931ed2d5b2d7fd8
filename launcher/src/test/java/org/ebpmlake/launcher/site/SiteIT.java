package org.ebpmlake.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.launcher.LakeRun;
import org.ebpmlake.launcher.RunSummary;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.reference.KpiCatalogFile;
import org.ebpmlake.reference.KpiDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The static site as a reader's browser shows it: ./lake run's site, served on 127.0.0.1 and opened page by page in
 * a real headless Chromium (Debian's, installed when missing) at desktop and phone width. Screenshots of every page
 * are kept in {@code launcher/target/site-screenshots/}.
 */
@ExtendWith(LakeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteIT {
    private static final PseudonymKey KEY = PseudonymKey.of("test-key-0123456789-0123456789-abcdef");
    private static final Path SCREENSHOTS = Path.of("target", "site-screenshots");
    private static final String SUPPRESSED = "秘匿";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TemporaryLake lake;
    private Path site;
    private LocalSiteServer server;
    private HeadlessChromium browser;

    @BeforeAll
    void buildTheSiteAndOpenABrowser(TemporaryLake temporaryLake) throws IOException, InterruptedException {
        lake = temporaryLake;
        RunSummary run = new LakeRun(lake.spark(), lake.settings(), KEY, line -> { }, Clock.systemUTC()).run();
        site = run.dashboardPage().orElseThrow().getParent();
        server = new LocalSiteServer(site);
        browser = new HeadlessChromium(InstalledChromium.ensure());
    }

    @AfterAll
    void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyPageLoadsWithoutAConsoleErrorAndRequestsNothingBeyond127001AtDesktopAndPhoneWidth() throws IOException, InterruptedException {
        List<Path> pages = pages();
        assertThat(pages).hasSizeGreaterThan(KpiCatalogFile.load().size());
        for (Path page : pages) {
            String relative = site.relativize(page).toString();
            for (int width : new int[] {1280, 390}) {
                HeadlessChromium.Load load = browser.load(server.uri(relative), width);
                assertThat(load.errors()).as("console errors of %s at %d px", relative, width).isEmpty();
                assertThat(load.requests()).as("requests of %s", relative).isNotEmpty()
                        .allSatisfy(url -> assertThat(url).matches("(" + Pattern.quote(server.origin()) + "|data:|blob:).*"));
                if (width < 700) {
                    assertThat(browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1").asBoolean())
                            .as("%s fits the phone's width (tables scroll inside their own box)", relative).isTrue();
                }
                browser.screenshot(SCREENSHOTS.resolve((width < 700 ? "phone/" : "desktop/") + relative.replace(".html", ".png")));
            }
        }
    }

    @Test
    void theOverviewShowsEveryCataloguedKpiWithItsStatusInWords() throws IOException, InterruptedException {
        browser.load(server.uri("index.html"), 1280);
        JsonNode shown = browser.evaluate("Array.from(document.querySelectorAll('tr[data-kpi]')).map(row => [row.dataset.kpi,"
                + " row.querySelector('.badge').textContent])");
        List<String> ids = new ArrayList<>();
        shown.forEach(row -> {
            ids.add(row.get(0).asText());
            assertThat(row.get(1).asText()).isIn("達成", "順調", "要注意", "遅れ", "データなし");
        });
        assertThat(ids).containsExactlyInAnyOrderElementsOf(KpiCatalogFile.load().stream().map(KpiDefinition::kpiId).toList());
        for (KpiDefinition kpi : KpiCatalogFile.load()) {
            assertThat(site.resolve("kpi/" + kpi.kpiId() + ".html")).exists();
        }
        assertThat(browser.evaluate("document.querySelector('.sample-banner') !== null").asBoolean()).isTrue();

        // The English switch relabels every KPI's status, and the choice holds on the next page.
        browser.evaluate("document.getElementById('lang').click()");
        JsonNode english = browser.evaluate("[document.documentElement.lang, Array.from(document.querySelectorAll('tr[data-kpi] .badge'))"
                + ".map(badge => badge.textContent)]");
        assertThat(english.get(0).asText()).isEqualTo("en");
        english.get(1).forEach(badge -> assertThat(badge.asText()).isIn("achieved", "on track", "at risk", "off track", "no data"));
        browser.screenshot(SCREENSHOTS.resolve("desktop-english/index.png"));
        browser.load(server.uri("education-scores.html"), 1280);
        assertThat(browser.evaluate("document.body.classList.contains('english')").asBoolean()).isTrue();
        browser.screenshot(SCREENSHOTS.resolve("desktop-english/education-scores.png"));
        browser.evaluate("document.getElementById('lang').click()");
    }

    @Test
    void noSuppressedCellShowsANumberInThePagesDataTheirCsvOrOnScreen() throws IOException, InterruptedException {
        int suppressedCells = 0;
        for (Path page : pages()) {
            for (JsonNode spec : chartSpecs(page)) {
                List<String> columns = new ArrayList<>();
                spec.get("columns").forEach(column -> columns.add(column.asText()));
                List<CSVRecord> csv = csv(page, spec);
                int rowNumber = 0;
                for (JsonNode row : spec.get("rows")) {
                    for (JsonNode measure : spec.get("measures")) {
                        if (measure.get("flag").isNull()) {
                            continue;
                        }
                        boolean hidden = row.get(columns.indexOf(measure.get("flag").asText())).asBoolean();
                        JsonNode value = row.get(columns.indexOf(measure.get("column").asText()));
                        String cell = csvCell(csv, spec, rowNumber, measure.get("column").asText());
                        if (hidden) {
                            suppressedCells++;
                            assertThat(value.isNull()).as("%s %s row %d carries no number", page.getFileName(), spec.get("id"), rowNumber).isTrue();
                            assertThat(cell).as("CSV of %s row %d", spec.get("id"), rowNumber).isEqualTo(SUPPRESSED);
                        } else {
                            assertThat(cell).isNotEqualTo(SUPPRESSED);
                        }
                    }
                    rowNumber++;
                }
            }
        }
        assertThat(suppressedCells).as("the sample has small groups").isPositive();

        for (String page : List.of("education-scores.html", "education-wellbeing.html")) {
            browser.load(server.uri(page), 1280);
            // Each chart shown for the first school whose table has a hidden cell: every such cell reads 秘匿, and no other.
            JsonNode cells = browser.evaluate("""
                    (() => { const found = [];
                      for (const section of document.querySelectorAll('section.chart')) {
                        const area = section.querySelector('select[data-filter=area_code]');
                        if (!area) continue;
                        for (const option of area.options) {
                          area.value = option.value; area.dispatchEvent(new Event('change'));
                          if (section.querySelector('td.suppressed')) break;
                        }
                        section.querySelectorAll('td.suppressed').forEach(td => found.push(td.textContent));
                      }
                      return found; })()""");
            assertThat(cells).as("hidden cells on screen in %s", page).isNotEmpty();
            cells.forEach(cell -> assertThat(cell.asText()).isEqualTo(SUPPRESSED));
        }
    }

    private List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(file -> file.toString().endsWith(".html")).filter(file -> !site.relativize(file).startsWith("schools"))
                    .sorted().toList();
        }
    }

    private static List<JsonNode> chartSpecs(Path page) throws IOException {
        Matcher scripts = Pattern.compile("<script type=\"application/json\" class=\"chart-spec\">(.*?)</script>", Pattern.DOTALL)
                .matcher(Files.readString(page));
        List<JsonNode> specs = new ArrayList<>();
        while (scripts.find()) {
            specs.add(JSON.readTree(scripts.group(1).replace("<\\/", "</")));
        }
        return specs;
    }

    /** The CSV of all rows the chart links to (read from the page's own link), its records in the chart's row order. */
    private static List<CSVRecord> csv(Path page, JsonNode spec) throws IOException {
        Matcher link = Pattern.compile("id=\"chart-" + Pattern.quote(spec.get("id").asText()) + "\".*?class=\"csv-all\" href=\"([^\"]+)\"",
                Pattern.DOTALL).matcher(Files.readString(page));
        assertThat(link.find()).as("chart %s links its CSV", spec.get("id")).isTrue();
        Path file = page.getParent().resolve(link.group(1)).normalize();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.read();
            List<CSVRecord> records = CSVFormat.RFC4180.parse(reader).getRecords();
            assertThat(records).as("CSV %s has a header and the chart's rows", file).hasSize(spec.get("rows").size() + 1);
            return records;
        }
    }

    private static String csvCell(List<CSVRecord> csv, JsonNode spec, int row, String column) {
        int index = 0;
        for (JsonNode shown : spec.get("table")) {
            if (shown.get("column").asText().equals(column)) {
                return csv.get(row + 1).get(index);
            }
            index++;
        }
        throw new AssertionError("the CSV of " + spec.get("id") + " has no column " + column);
    }
}
