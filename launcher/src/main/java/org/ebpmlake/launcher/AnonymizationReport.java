package org.ebpmlake.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.risk.ReidentificationRisks;
import org.ebpmlake.anonymize.search.GeneralizationPlan;
import org.ebpmlake.pipelines.deid.EngineChoice;
import org.ebpmlake.anonymize.verify.VerificationVerdict;

/**
 * The privacy report of one anonymized file, as written to JSON: what was asked, the transformation found,
 * its utility (ARX's Loss, discernibility, and the metric the search minimised with its value) and risks, how
 * the search went, and what the independent verifier said.
 */
record AnonymizationReport(String input, long records, List<String> models, double suppressionLimit,
        Map<String, Integer> transformation, long suppressedRecords, long classes, long smallestClass,
        double averageClassSize, double informationLoss, Map<String, Double> attributeLoss, double discernibility,
        String optimisedMetric, double optimisedValue, ReidentificationRisks risks, long nodesChecked, long latticeSize,
        boolean optimal, long encodingMillis, long searchMillis, boolean verified, List<String> violations, String engine, String engineReason) {

    static AnonymizationReport of(Path input, long records, List<PrivacyModel> models, double suppressionLimit,
            GeneralizationPlan result, VerificationVerdict verdict, ReidentificationRisks risks, EngineChoice engine) {
        List<String> modelNames = new ArrayList<>();
        for (PrivacyModel model : models) {
            modelNames.add(model.toString());
        }
        return new AnonymizationReport(input.toString(), records, modelNames, suppressionLimit,
                result.transformation().levelByAttribute(), result.suppressedRecords(), result.keptClasses(),
                result.smallestClass(), result.averageClassSize(), result.informationLoss(), result.attributeLoss(),
                result.discernibility(), result.optimised().metric().description(), result.optimised().value(), risks,
                result.statistics().nodesChecked(), result.statistics().latticeSize(),
                result.statistics().optimal(), result.statistics().encoding().toMillis(),
                result.statistics().search().toMillis(), verdict.satisfied(), verdict.violations(),
                engine.engine().label(), engine.reason());
    }

    String summary() {
        return String.format("変換 / transformation %s; 削除 / suppressed %d of %d; クラス / classes %d (smallest %d);"
                + " 情報損失 / loss %.4f; 最小化した指標 / optimised %s = %.6g; 最大リスク / highest risk %.4f;"
                + " 検査ノード / nodes checked %d of %d;"
                + " 探索 / search %d ms; 検証 / verified %s; エンジン / engine %s",
                transformation, suppressedRecords, records, classes, smallestClass, informationLoss, optimisedMetric,
                optimisedValue, risks.prosecutor().highest(), nodesChecked, latticeSize, searchMillis, verified, engine);
    }
}
