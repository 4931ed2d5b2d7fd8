package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ebpmlake.anonymize.DistinctLDiversity;
import org.ebpmlake.anonymize.EntropyLDiversity;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.RecursiveCLDiversity;
import org.ebpmlake.anonymize.TCloseness;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.ops.PrivacyReportTable;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.PrivacyTier;

/**
 * The statement the law requires a city to publish when it creates 匿名加工情報 (APPI; for a public body the
 * items of 行政機関等匿名加工情報): the categories of information about individuals the data holds and how it
 * was processed, in Japanese. Generated from the policy, so what is published is what the engine was told to
 * do, and written as a page of the site and as a file beside the release.
 *
 * @param items each published column with what it holds, in Japanese
 * @param processing each step of the processing, in Japanese
 */
public record PublicStatement(String title, String createdBy, LocalDate createdOn, String table, List<String> items,
        List<String> processing) {

    public PublicStatement {
        requireNonNull(title, "title is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdOn, "createdOn is null");
        requireNonNull(table, "table is null");
        items = List.copyOf(requireNonNull(items, "items is null"));
        processing = List.copyOf(requireNonNull(processing, "processing is null"));
    }

    /** The statement of an anonymised policy's table, with the transformation the engine applied. */
    public static PublicStatement of(PrivacyPolicy policy, DatasetDeclaration published, String transformation,
            LocalDate createdOn) {
        requireNonNull(policy, "policy is null");
        requireNonNull(published, "published is null");
        if (policy.tier() != PrivacyTier.ANONYMISED) {
            throw new IllegalArgumentException(policy.publishes() + " is " + policy.tier().code()
                    + ": only anonymised data is published with a statement");
        }
        PrivacyPolicy.StatementSpecification specification = policy.statement().orElseThrow();
        List<String> items = new ArrayList<>();
        for (ColumnDeclaration column : published.columns()) {
            items.add(column.description().ja() + "（" + column.name() + "）");
        }
        Map<String, String> generalization = new java.util.LinkedHashMap<>();
        policy.quasiIdentifiers().forEach((column, hierarchy) -> generalization.put(column, hierarchy.describeJa()));
        List<String> topCoding = new ArrayList<>();
        policy.topCoding().forEach((column, coding) -> topCoding.add(topCodingJa(column, coding)));
        return new PublicStatement(specification.title(), specification.createdBy(), createdOn, policy.publishes(), items,
                processing(generalization, topCoding, policy.models(), policy.suppressionLimit(), transformation));
    }

    /** The processing steps, shared by policies and {@code lake anonymize file}. */
    public static List<String> processing(Map<String, String> generalization, List<String> topCoding,
            List<PrivacyModel> models, double suppressionLimit, String transformation) {
        List<String> steps = new ArrayList<>();
        steps.add("氏名・住所・住民番号などの個人を直接識別できる記述と、個人番号（マイナンバー）などの個人識別符号は削除しました。");
        steps.add("他の情報と連結するための符号（仮名化した番号を含む）は含めていません。");
        generalization.forEach((column, how) -> steps.add("準識別子 " + column + "：" + how + "。"));
        steps.add("実際に適用した一般化の水準：" + transformation + "。");
        for (PrivacyModel model : models) {
            steps.add(modelJa(model));
        }
        steps.add(String.format("上の条件を満たさない記録は削除しました（削除は全体の %.1f%% 以内）。", suppressionLimit * 100));
        steps.addAll(topCoding);
        steps.add("加工の結果は、加工とは別のプログラムで独立に検証し、条件を満たすことを確かめてから作成しました。");
        return steps;
    }

    static String topCodingJa(String column, PrivacyPolicy.TopCoding coding) {
        StringBuilder text = new StringBuilder("特異な記述の削除 " + column + "：");
        coding.top().ifPresent(top -> text.append(number(top)).append(" を超える値は ").append(number(top)).append(" に"));
        if (coding.top().isPresent() && coding.bottom().isPresent()) {
            text.append("、");
        }
        coding.bottom().ifPresent(bottom -> text.append(number(bottom)).append(" 未満の値は ").append(number(bottom)).append(" に"));
        return text.append("置き換えました（トップ・ボトムコーディング）。").toString();
    }

    private static String number(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String modelJa(PrivacyModel model) {
        if (model instanceof KAnonymity k) {
            return "k-匿名性：準識別子の組み合わせが同じ記録が " + k.k() + " 件以上になるようにしました。";
        }
        if (model instanceof DistinctLDiversity l) {
            return "l-多様性：同じ準識別子の組み合わせの中に " + l.attribute() + " の値が " + l.l() + " 種類以上あるようにしました。";
        }
        if (model instanceof EntropyLDiversity l) {
            return "エントロピー l-多様性：同じ組み合わせの中の " + l.attribute() + " のエントロピーが log(" + l.l()
                    + ") 以上になるようにしました。";
        }
        if (model instanceof RecursiveCLDiversity l) {
            return "再帰的 (c,l)-多様性：" + l.attribute() + " について c=" + l.c() + "、l=" + l.l() + " を満たすようにしました。";
        }
        if (model instanceof TCloseness t) {
            return "t-近接性：同じ組み合わせの中の " + t.attribute() + " の分布と全体の分布の距離を " + t.t() + " 以下にしました。";
        }
        return model + " を満たすようにしました。";
    }

    /** The statement as Markdown, Japanese, for the file beside the release. */
    public String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("# 匿名加工情報の作成に関する公表：").append(title).append("\n\n");
        text.append("- 作成者：").append(createdBy).append('\n');
        text.append("- 作成日：").append(createdOn).append('\n');
        text.append("- 区分：").append(PrivacyTier.ANONYMISED.labelJa()).append("（行政機関等匿名加工情報）\n");
        text.append("- 対象：").append(table).append("\n\n");
        text.append("## 匿名加工情報に含まれる個人に関する情報の項目\n\n");
        items.forEach(item -> text.append("- ").append(item).append('\n'));
        text.append("\n## 加工の方法\n\n");
        processing.forEach(step -> text.append("- ").append(step).append('\n'));
        return text.toString();
    }

    /** Writes the Markdown file, readable by its owner only like every file the lake writes; returns its path. */
    public Path writeMarkdown(Path file) {
        requireNonNull(file, "file is null");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, markdown(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the published statement " + file, e);
        }
    }

    /**
     * The statements of the anonymised policies whose table was created, each with the transformation of its
     * latest verified report in {@code ops.privacy_reports}.
     */
    public static List<PublicStatement> ofPublished(SparkSession spark, LakeSettings settings, List<PrivacyPolicy> policies,
            LocalDate createdOn) {
        DatasetCatalog catalog = DatasetCatalog.load();
        String reports = PrivacyReportTable.TABLE.in(settings.catalogName());
        List<PublicStatement> statements = new ArrayList<>();
        for (PrivacyPolicy policy : policies) {
            if (policy.tier() != PrivacyTier.ANONYMISED) {
                continue;
            }
            List<Row> latest = spark.sql("SELECT transformation FROM " + reports + " WHERE table_name = '" + policy.publishes()
                    + "' AND verified ORDER BY reported_at DESC LIMIT 1").collectAsList();
            if (!latest.isEmpty()) {
                statements.add(of(policy, catalog.table(policy.table()).dataset(), latest.get(0).getString(0), createdOn));
            }
        }
        return statements;
    }

    /** Where the lake writes a table's statement file: {@code <site>/statements/<table>.md}. */
    public static Path fileIn(Path siteDirectory, String table) {
        return siteDirectory.resolve("statements").resolve(table.replace('.', '_') + ".md");
    }
}
