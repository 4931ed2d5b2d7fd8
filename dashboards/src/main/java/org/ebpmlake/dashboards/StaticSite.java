package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.dashboards.declaration.DashboardCatalog;
import org.ebpmlake.dashboards.declaration.DashboardDeclaration;
import org.ebpmlake.lake.LakeSettings;

/**
 * The whole static site in {@code lake.site} ({@code var/site/}): the bundled assets, the DX office's KPI pages, every
 * other declared dashboard as a page, and the stewards' quality and privacy pages. What it wrote is returned with
 * the time each part took, for the run's summary and the scale benchmark.
 */
public final class StaticSite {
    private final SparkSession spark;
    private final LakeSettings settings;

    public StaticSite(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** What a site build wrote: its pages, its size on disk, and how long each part took. */
    public record Written(Path index, List<Path> pages, long bytes, List<String> timings) {
        public Written {
            requireNonNull(index, "index is null");
            pages = List.copyOf(pages);
            timings = List.copyOf(timings);
        }
    }

    public Written write(LocalDate asOf) {
        requireNonNull(asOf, "asOf is null");
        Path site = settings.siteDirectory();
        List<String> timings = new ArrayList<>();
        long started = System.nanoTime();
        SiteAssets.copyTo(site);
        Path index = new KpiSite(spark, settings).write(asOf);
        timings.add(String.format("KPI pages %.1f s", (System.nanoTime() - started) / 1e9));
        DashboardPage pages = new DashboardPage(spark, settings.catalogName(), settings.intOption("lake.education.minimum-group", 10));
        for (DashboardDeclaration dashboard : DashboardCatalog.load().all()) {
            if (dashboard.id().equals(KpiSite.DASHBOARD)) {
                continue;
            }
            long start = System.nanoTime();
            pages.write(site, dashboard);
            timings.add(String.format("%s %.1f s", dashboard.page(), (System.nanoTime() - start) / 1e9));
        }
        new QualityPage(spark, settings).write();
        new PrivacyPage(spark, settings).write();
        new EvaluationsPage(spark, settings).write();
        return new Written(index, htmlPages(site), bytes(site), timings);
    }

    private static List<Path> htmlPages(Path site) {
        try (Stream<Path> files = Files.walk(site)) {
            // Each school's early-warning view is not part of the public site.
            return files.filter(file -> file.toString().endsWith(".html"))
                    .filter(file -> !site.relativize(file).startsWith(SchoolEarlyWarningPage.FOLDER)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the site's pages under " + site, e);
        }
    }

    private static long bytes(Path site) {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(Files::isRegularFile).filter(file -> !site.relativize(file).startsWith(SchoolEarlyWarningPage.FOLDER))
                    .mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the site under " + site, e);
        }
    }
}
