package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.when;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.risk.ReidentificationRisks;
import org.ebpmlake.anonymize.risk.RiskAnalysis;
import org.ebpmlake.anonymize.search.AnonymizationConfiguration;
import org.ebpmlake.anonymize.search.AnonymizationResult;
import org.ebpmlake.anonymize.search.Anonymizer;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.anonymize.verify.IndependentVerifier;
import org.ebpmlake.anonymize.verify.VerificationVerdict;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.ops.PrivacyReportTable;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * Publishes {@code deid.residents} under the policy in {@code conf/privacy/residents.yaml}: the anonymize
 * engine finds the optimal generalization of age, sex, ward and nationality group for k-anonymity within the
 * suppression limit; the independent verifier re-checks the output; suppressed records are left out. The
 * report (model, transformation, suppression, classes, loss, risks) goes to {@code ops.privacy_reports}
 * whatever the outcome, and a table that fails is not written.
 *
 * <p>The engine runs in memory on the driver: the registry's quasi-identifiers (a few bytes a resident) fit
 * at city scale; see {@code ./lake bench anonymize}.
 */
public final class ResidentDeidentification {
    public static final TableName TABLE = new TableName(Zone.DEID, "residents");
    private static final List<String> COLUMNS = List.of("age", "sex", "ward_code", "nationality_group", "has_my_number_card");

    private final SparkSession spark;
    private final LakeSettings settings;
    private final PrivacyPolicy policy;
    private final LocalDate asOf;
    private final Clock clock;

    public ResidentDeidentification(SparkSession spark, LakeSettings settings, PrivacyPolicy policy, LocalDate asOf, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public StageOutput publish(String runId) {
        requireNonNull(runId, "runId is null");
        List<String[]> rows = spark.table(new TableName(Zone.CURATED, "residents").in(settings.catalogName()))
                .select(floor(months_between(lit(asOf.toString()).cast("date"), col("birth_date")).divide(12)).cast("int").cast("string"),
                        col("sex"),
                        col("ward_code"),
                        when(col("nationality").equalTo("日本"), lit("日本")).otherwise(lit("外国")),
                        col("my_number_card_issued_on").isNotNull().cast("string"))
                .collectAsList().stream()
                .map(row -> new String[] {row.getString(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4)})
                .toList();
        Table input = new Table(COLUMNS, rows);
        List<QuasiIdentifier> quasiIdentifiers = policy.quasiIdentifiersOf(COLUMNS, rows);
        List<PrivacyModel> models = List.of(new KAnonymity(policy.kAnonymity()));
        Optional<AnonymizationResult> found = new Anonymizer(
                new AnonymizationConfiguration(quasiIdentifiers, models, policy.suppressionLimit())).anonymize(input);
        if (found.isEmpty()) {
            report(runId, rows.size(), 0, rows.size(), Optional.empty(), Optional.empty(), Optional.empty(), false);
            throw new PrivacyModelViolationException(TABLE + ": no generalization meets k=" + policy.kAnonymity()
                    + " within the suppression limit " + policy.suppressionLimit() + "; not published");
        }
        AnonymizationResult result = found.get();
        VerificationVerdict verdict = new IndependentVerifier(quasiIdentifiers, models, policy.suppressionLimit())
                .verify(input, result.output(), result.transformation());
        ReidentificationRisks risks = new RiskAnalysis(policy.riskThreshold()).analyze(verdict.classSizes());
        List<Row> output = new ArrayList<>();
        for (String[] row : result.output().rows()) {
            // A suppressed record carries * in every quasi-identifier; it is left out rather than published as *.
            if (suppressed(row, quasiIdentifiers.size())) {
                continue;
            }
            output.add(RowFactory.create(row[0], row[1], row[2], row[3], Boolean.parseBoolean(row[4])));
        }
        report(runId, rows.size(), output.size(), rows.size() - output.size(), Optional.of(result), Optional.of(verdict),
                Optional.of(risks), verdict.satisfied());
        if (!verdict.satisfied()) {
            throw new PrivacyModelViolationException(TABLE + " fails independent verification: " + verdict.violations()
                    + "; not published");
        }
        String table = TABLE.in(settings.catalogName());
        TableWrites.replaceAll(spark.createDataFrame(output, spark.table(table).schema()), table);
        return StageOutput.succeeded(rows.size(), output.size(), "k=" + policy.kAnonymity() + ", " + result.transformation()
                + ", " + result.suppressedRecords() + " suppressed, smallest class " + verdict.smallestClass());
    }

    private static boolean suppressed(String[] row, int quasiIdentifiers) {
        for (int column = 0; column < quasiIdentifiers; column++) {
            if (!Hierarchy.SUPPRESSED.equals(row[column])) {
                return false;
            }
        }
        return true;
    }

    private void report(String runId, long rowsIn, long rowsOut, long suppressed, Optional<AnonymizationResult> result,
            Optional<VerificationVerdict> verdict, Optional<ReidentificationRisks> risks, boolean verified) {
        new PrivacyReportTable(spark, settings).append(new PrivacyReportTable.Report(runId, TABLE.toString(), "k-anonymity",
                "{\"k\":" + policy.kAnonymity() + ",\"suppression_limit\":" + policy.suppressionLimit() + "}",
                String.join(",", policy.quasiIdentifiers().keySet().stream().sorted().toList()),
                result.map(found -> found.transformation().toString()).orElse("none"),
                rowsIn, rowsOut, suppressed,
                verdict.map(VerificationVerdict::classes).orElse(0L),
                verdict.map(VerificationVerdict::smallestClass).orElse(0L),
                verified, clock.instant(),
                result.map(AnonymizationResult::informationLoss),
                risks.map(found -> found.prosecutor().highest()),
                risks.map(found -> found.prosecutor().average()),
                risks.map(found -> found.prosecutor().recordsAboveThreshold()),
                result.map(found -> found.statistics().nodesChecked())));
    }
}
