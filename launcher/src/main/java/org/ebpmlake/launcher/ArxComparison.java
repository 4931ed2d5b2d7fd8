package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.ebpmlake.anonymize.DistinctLDiversity;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.hierarchy.HierarchyCsv;
import org.ebpmlake.anonymize.search.AnonymizationConfiguration;
import org.ebpmlake.anonymize.search.AnonymizationResult;
import org.ebpmlake.anonymize.search.Anonymizer;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.anonymize.verify.IndependentVerifier;
import org.ebpmlake.anonymize.verify.VerificationVerdict;
import org.ebpmlake.reference.CityWards;

/**
 * {@code lake bench anonymize --suite arx}: the settings issue 17 measured ARX 3.9.2 on, run the way ARX was
 * timed (one warm-up, then the median of three runs in the same JVM, loading excluded), with encoding, search,
 * applying the plan and the independent verification printed apart, beside ARX's figures for its
 * {@code anonymize()} (which encodes and searches). ARX cannot be a dependency (it is not on Maven Central), so
 * its times are the reference figures quoted in the issue, measured on this machine kind.
 */
final class ArxComparison {
    private static final int MEASURED_RUNS = 3;
    private static final List<String> ADULT_ATTRIBUTES = List.of("sex", "age", "race", "marital-status", "education",
            "native-country", "workclass", "occupation", "salary-class");

    /** One row of the comparison: what is anonymized and how, and ARX's time for it in milliseconds. */
    record Setting(String name, Supplier<Table> table, List<QuasiIdentifier> quasiIdentifiers, List<PrivacyModel> models,
            double suppressionLimit, long arxMillis) {
        Setting {
            requireNonNull(name, "name is null");
            requireNonNull(table, "table is null");
            quasiIdentifiers = List.copyOf(quasiIdentifiers);
            models = List.copyOf(models);
        }
    }

    /** Median times of one setting, in milliseconds. */
    record Timing(double encoding, double search, double apply, double verification, long nodesChecked, long latticeSize,
            double loss, boolean verified) {
        double engine() {
            return encoding + search;
        }
    }

    private final Path adultDirectory;
    private final CityWards wards;
    private final long seed;

    ArxComparison(Path adultDirectory, CityWards wards, long seed) {
        this.adultDirectory = requireNonNull(adultDirectory, "adultDirectory is null");
        this.wards = requireNonNull(wards, "wards is null");
        this.seed = seed;
    }

    List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        Table[] adult = new Table[1];
        Supplier<Table> adultTable = () -> {
            if (adult[0] == null) {
                adult[0] = adult();
            }
            return adult[0];
        };
        List<QuasiIdentifier> allNine = adultQuasiIdentifiers(ADULT_ATTRIBUTES);
        long[][] adultArx = {{2, 60, 883}, {5, 43, 822}, {10, 39, 714}};
        for (long[] reference : adultArx) {
            int k = (int) reference[0];
            settings.add(new Setting("adult k=" + k + " 0%", adultTable, allNine, List.of(new KAnonymity(k)), 0, reference[1]));
            settings.add(new Setting("adult k=" + k + " 2%", adultTable, allNine, List.of(new KAnonymity(k)), 0.02, reference[2]));
        }
        List<String> eight = ADULT_ATTRIBUTES.stream().filter(column -> !column.equals("occupation")).toList();
        List<PrivacyModel> diverse = List.of(new KAnonymity(5), new DistinctLDiversity("occupation", 3));
        settings.add(new Setting("adult k=5 + 3-diversity 0%", adultTable, adultQuasiIdentifiers(eight), diverse, 0, 61));
        settings.add(new Setting("adult k=5 + 3-diversity 2%", adultTable, adultQuasiIdentifiers(eight), diverse, 0.02, 454));
        Table[] million = new Table[1];
        Supplier<Table> millionTable = () -> {
            if (million[0] == null) {
                million[0] = new SyntheticRegistry(seed, 1_000_000).generate(wards);
            }
            return million[0];
        };
        List<QuasiIdentifier> registry = BenchAnonymizeCommand.quasiIdentifiers(wards);
        settings.add(new Setting("registry 1M k=10 0%", millionTable, registry, List.of(new KAnonymity(10)), 0, 180));
        settings.add(new Setting("registry 1M k=10 2%", millionTable, registry, List.of(new KAnonymity(10)), 0.02, 237));
        settings.add(new Setting("registry 2.75M k=10 2%", () -> {
            million[0] = null;
            return new SyntheticRegistry(seed, 2_750_000).generate(wards);
        }, registry, List.of(new KAnonymity(10)), 0.02, 631));
        return settings;
    }

    int run() {
        System.out.printf("%-28s %9s %9s %9s %9s %9s %9s %7s  %s%n", "setting", "encode ms", "search ms", "engine ms",
                "ARX ms", "ratio", "apply ms", "verify", "nodes / loss");
        boolean allVerified = true;
        for (Setting setting : settings()) {
            Timing timing = measure(setting);
            allVerified &= timing.verified();
            System.out.printf("%-28s %9.1f %9.1f %9.1f %9d %9.2f %9.1f %7.0f  %d of %d, loss %.6f%s%n", setting.name(),
                    timing.encoding(), timing.search(), timing.engine(), setting.arxMillis(),
                    timing.engine() / setting.arxMillis(), timing.apply(), timing.verification(), timing.nodesChecked(),
                    timing.latticeSize(), timing.loss(), timing.verified() ? "" : " VERIFICATION FAILED");
        }
        System.out.println("engine = encoding + search, what ARX's anonymize() does; ratio = engine / ARX (≤ 1 is faster)."
                + " Apply (writing the generalized rows in memory) and the independent verification come on top;"
                + " ARX's output is built lazily and it has no independent verification.");
        return allVerified ? 0 : AnonymizeFileCommand.VERIFICATION_FAILED;
    }

    /** One warm-up, then the median of three runs; the verifier runs once, on the last output. */
    Timing measure(Setting setting) {
        Table table = setting.table().get();
        AnonymizationConfiguration configuration = new AnonymizationConfiguration(setting.quasiIdentifiers(),
                setting.models(), setting.suppressionLimit());
        anonymize(configuration, table);
        double[] encoding = new double[MEASURED_RUNS];
        double[] search = new double[MEASURED_RUNS];
        double[] apply = new double[MEASURED_RUNS];
        AnonymizationResult result = null;
        for (int run = 0; run < MEASURED_RUNS; run++) {
            long started = System.nanoTime();
            result = anonymize(configuration, table);
            double total = (System.nanoTime() - started) / 1e6;
            encoding[run] = result.statistics().encoding().toNanos() / 1e6;
            search[run] = result.statistics().search().toNanos() / 1e6;
            apply[run] = total - encoding[run] - search[run];
        }
        long verifyStarted = System.nanoTime();
        VerificationVerdict verdict = new IndependentVerifier(setting.quasiIdentifiers(), setting.models(),
                setting.suppressionLimit()).verify(table, result.output(), result.transformation());
        double verification = (System.nanoTime() - verifyStarted) / 1e6;
        return new Timing(median(encoding), median(search), median(apply), verification,
                result.statistics().nodesChecked(), result.statistics().latticeSize(), result.informationLoss(),
                verdict.satisfied());
    }

    private static AnonymizationResult anonymize(AnonymizationConfiguration configuration, Table table) {
        return new Anonymizer(configuration).anonymize(table).orElseThrow(() ->
                new IllegalStateException("no transformation meets " + configuration.models()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Read as {@code lake anonymize file} reads it, each column's repeated values one string. */
    private Table adult() {
        Path file = adultDirectory.resolve("adult.csv");
        try {
            return DelimitedFile.detect(file, Optional.of(';')).read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the adult benchmark " + file, e);
        }
    }

    private List<QuasiIdentifier> adultQuasiIdentifiers(List<String> columns) {
        List<QuasiIdentifier> quasiIdentifiers = new ArrayList<>();
        for (String column : columns) {
            quasiIdentifiers.add(new QuasiIdentifier(column,
                    HierarchyCsv.read(adultDirectory.resolve("adult_hierarchy_" + column + ".csv"))));
        }
        return quasiIdentifiers;
    }
}
