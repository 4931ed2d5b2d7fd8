package org.ebpmlake.sql.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.catalyst.analysis.RelationTimeTravel;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedHaving;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedSubqueryColumnAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTVFAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.PlanExpression;
import org.apache.spark.sql.catalyst.expressions.ScalaUDF;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationDef;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationRef;
import org.apache.spark.sql.catalyst.plans.logical.Deduplicate;
import org.apache.spark.sql.catalyst.plans.logical.Distinct;
import org.apache.spark.sql.catalyst.plans.logical.Except;
import org.apache.spark.sql.catalyst.plans.logical.Expand;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Intersect;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LateralJoin;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Offset;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Pivot;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.Range;
import org.apache.spark.sql.catalyst.plans.logical.Repartition;
import org.apache.spark.sql.catalyst.plans.logical.RepartitionByExpression;
import org.apache.spark.sql.catalyst.plans.logical.ResolvedHint;
import org.apache.spark.sql.catalyst.plans.logical.Sample;
import org.apache.spark.sql.catalyst.plans.logical.Sort;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.Tail;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedHint;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.catalyst.plans.logical.Unpivot;
import org.apache.spark.sql.catalyst.plans.logical.Window;
import org.apache.spark.sql.catalyst.plans.logical.WithCTE;
import org.apache.spark.sql.catalyst.plans.logical.WithWindowDefinition;
import org.apache.spark.sql.catalyst.trees.TreeNode;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.sql.access.Role;
import scala.collection.JavaConverters;

/**
 * Decides, before anything runs, whether an embedded Spark SQL statement is a read of tables the role may read.
 * Spark's own {@code spark.sql(...)} runs DDL, DML, {@code SET} and {@code CALL} the moment it is called, so the
 * guard works on the parsed plan first and on the analysed plan second, and only then is the statement executed.
 *
 * <p>The check is an allow-list: every node of the plan (subqueries, CTE definitions and views included) must be a
 * relational operator of a query, and every leaf either a literal relation ({@code VALUES}, {@code range}) or an
 * Iceberg table of the lake's own catalog that the role may read. So commands of any kind, file-path sources
 * ({@code parquet.`/path`}), {@code spark_catalog} tables, temporary views, {@code TRANSFORM ... USING} scripts and
 * functions that call Java ({@code reflect}, {@code java_method}) are refused for every role, steward included.
 * Table names are checked against the role on the parsed plan, so a denied table's schema is never even loaded.
 */
final class ReadOnlyStatementGuard {
    /** Operators a query may consist of; anything else (a command, a script, a file relation) is refused. */
    private static final Set<Class<?>> QUERY_OPERATORS = Set.of(
            Project.class, Filter.class, Aggregate.class, Sort.class, GlobalLimit.class, LocalLimit.class, Offset.class,
            Tail.class, Distinct.class, Deduplicate.class, Union.class, Intersect.class, Except.class, Join.class,
            LateralJoin.class, SubqueryAlias.class, Window.class, WithWindowDefinition.class, Generate.class, Expand.class,
            Sample.class, Pivot.class, Unpivot.class, WithCTE.class, CTERelationDef.class, CTERelationRef.class,
            UnresolvedWith.class, UnresolvedHint.class, ResolvedHint.class, UnresolvedHaving.class,
            UnresolvedSubqueryColumnAliases.class, UnresolvedTVFAliases.class, UnresolvedInlineTable.class,
            RelationTimeTravel.class, Repartition.class, RepartitionByExpression.class,
            OneRowRelation.class, LocalRelation.class, Range.class);
    /** Built-in functions that call arbitrary Java methods. */
    private static final Set<String> JAVA_CALLING_FUNCTIONS = Set.of("reflect", "java_method", "try_reflect");

    private final String catalogName;
    private final Role role;

    ReadOnlyStatementGuard(String catalogName, Role role) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.role = requireNonNull(role, "role is null");
    }

    /** Checks the statement as parsed: query operators only, and only tables of the lake the role may read. */
    void checkParsed(LogicalPlan parsed) {
        requireNonNull(parsed, "parsed is null");
        Set<String> commonTableExpressions = new HashSet<>();
        visit(parsed, node -> {
            if (node instanceof UnresolvedWith with) {
                JavaConverters.seqAsJavaList(with.cteRelations()).forEach(definition -> commonTableExpressions.add(
                        definition._1().toLowerCase(Locale.ROOT)));
            }
        }, expression -> { });
        visit(parsed, node -> {
            if (node instanceof UnresolvedRelation relation) {
                checkTableName(JavaConverters.seqAsJavaList(relation.multipartIdentifier()), commonTableExpressions);
            } else if (node instanceof UnresolvedTableValuedFunction function) {
                List<String> name = JavaConverters.seqAsJavaList(function.name());
                if (name.size() != 1 || !"range".equalsIgnoreCase(name.get(0))) {
                    throw refused("table function " + String.join(".", name));
                }
            } else if (!QUERY_OPERATORS.contains(node.getClass())) {
                throw refused(operatorName(node));
            }
        }, this::checkFunction);
    }

    /** Checks the analysed plan: the same operators, and every table an Iceberg table of the lake the role may read. */
    void checkAnalyzed(LogicalPlan analyzed) {
        requireNonNull(analyzed, "analyzed is null");
        visit(analyzed, node -> {
            if (node instanceof DataSourceV2Relation relation) {
                checkRelation(relation);
            } else if (!QUERY_OPERATORS.contains(node.getClass())) {
                throw refused(operatorName(node));
            }
        }, this::checkFunction);
    }

    private void checkTableName(List<String> parts, Set<String> commonTableExpressions) {
        String name = String.join(".", parts);
        if (parts.size() == 1 && commonTableExpressions.contains(parts.get(0).toLowerCase(Locale.ROOT))) {
            return;
        }
        List<String> inLake = parts;
        if (parts.size() == 3 && parts.get(0).equals(catalogName)) {
            inLake = parts.subList(1, 3);
        }
        if (inLake.size() != 2 || Zone.fromNamespace(inLake.get(0)).isEmpty()) {
            throw refused("the name " + name + " (name a table of the lake as zone.table, e.g. mart.kpi_progress)");
        }
        if (!role.canRead(inLake.get(0), inLake.get(1))) {
            throw new AccessDeniedException(role.denial(inLake.get(0), inLake.get(1)));
        }
    }

    private void checkRelation(DataSourceV2Relation relation) {
        boolean ofTheLake = relation.catalog().isDefined() && catalogName.equals(relation.catalog().get().name())
                && relation.identifier().isDefined();
        if (!ofTheLake) {
            throw refused("a table outside the lake's catalog " + catalogName);
        }
        Identifier identifier = relation.identifier().get();
        String[] namespace = identifier.namespace();
        if (namespace.length != 1) {
            throw refused("the table " + String.join(".", namespace) + "." + identifier.name());
        }
        if (!role.canRead(namespace[0], identifier.name())) {
            throw new AccessDeniedException(role.denial(namespace[0], identifier.name()));
        }
    }

    private void checkFunction(Expression expression) {
        if (expression instanceof CallMethodViaReflection || expression instanceof ScalaUDF) {
            throw refused("the function " + expression.prettyName());
        }
        if (expression instanceof UnresolvedFunction function) {
            List<String> name = JavaConverters.seqAsJavaList(function.nameParts());
            if (name.size() != 1 || JAVA_CALLING_FUNCTIONS.contains(name.get(0).toLowerCase(Locale.ROOT))) {
                throw refused("the function " + String.join(".", name));
            }
        }
    }

    /** Every node of the plan: children, inner children (CTE definitions) and the plans of subquery expressions. */
    private static void visit(LogicalPlan plan, Consumer<LogicalPlan> onNode, Consumer<Expression> onExpression) {
        List<LogicalPlan> pending = new ArrayList<>(List.of(plan));
        while (!pending.isEmpty()) {
            LogicalPlan node = pending.remove(pending.size() - 1);
            onNode.accept(node);
            pending.addAll(JavaConverters.seqAsJavaList(node.children()));
            for (TreeNode<?> inner : JavaConverters.seqAsJavaList(node.innerChildren())) {
                if (inner instanceof LogicalPlan innerPlan) {
                    pending.add(innerPlan);
                }
            }
            for (Expression root : JavaConverters.seqAsJavaList(node.expressions())) {
                List<Expression> expressions = new ArrayList<>(List.of(root));
                while (!expressions.isEmpty()) {
                    Expression expression = expressions.remove(expressions.size() - 1);
                    onExpression.accept(expression);
                    if (expression instanceof PlanExpression<?> subquery && subquery.plan() instanceof LogicalPlan subqueryPlan) {
                        pending.add(subqueryPlan);
                    }
                    expressions.addAll(JavaConverters.seqAsJavaList(expression.children()));
                }
            }
        }
    }

    private static String operatorName(LogicalPlan node) {
        return node.nodeName();
    }

    private AccessDeniedException refused(String what) {
        return new AccessDeniedException("拒否：組み込み SQL で実行できるのは、参照できる表の読み取り（SELECT）だけです（" + what + " は不可）。"
                + " / Refused: embedded SQL runs only reads of tables the role " + role.code() + " may read; " + what
                + " is not allowed.");
    }
}
