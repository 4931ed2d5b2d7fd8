package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.suggestions.ConstraintSuggestion;
import com.amazon.deequ.suggestions.ConstraintSuggestionResult;
import com.amazon.deequ.suggestions.ConstraintSuggestionRunner;
import com.amazon.deequ.suggestions.Rules;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.PrivacyClass;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import scala.collection.JavaConverters;

/**
 * Deequ's constraint suggestions for a dataset's raw table, as a starting point for the checks of a new source.
 * Direct identifiers are left out of the profile, so no suggestion can quote one of their values.
 */
public final class QualitySuggestions {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final DatasetCatalog datasets;

    public QualitySuggestions(SparkSession spark, LakeSettings settings, DatasetCatalog datasets) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
    }

    /** One suggestion per line: the column, Deequ's description, then the check it would add. */
    public List<String> suggest(String datasetName) {
        DatasetDeclaration dataset = datasets.dataset(requireNonNull(datasetName, "datasetName is null"));
        List<String> profiled = dataset.columns().stream()
                .filter(column -> column.privacy() != PrivacyClass.DIRECT_IDENTIFIER)
                .map(ColumnDeclaration::name)
                .toList();
        ConstraintSuggestionResult result = new ConstraintSuggestionRunner()
                .onData(spark.table(new TableName(Zone.RAW, dataset.name()).in(settings.catalogName())))
                .addConstraintRules(Rules.DEFAULT())
                .restrictToColumns(JavaConverters.asScalaBuffer(profiled).toSeq())
                .run();
        List<String> lines = new ArrayList<>();
        for (String column : profiled) {
            if (!result.constraintSuggestions().contains(column)) {
                continue;
            }
            for (ConstraintSuggestion suggestion : JavaConverters.seqAsJavaList(result.constraintSuggestions().apply(column))) {
                lines.add(column + ": " + suggestion.description() + "\n    " + suggestion.codeForConstraint());
            }
        }
        return List.copyOf(lines);
    }
}
