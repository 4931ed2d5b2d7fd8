package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What a reader can work out about each hidden cell from everything published beside it: the smallest and largest
 * value the cell can take while every published margin still adds up and no count is below what a reader knows
 * anyway. Each is a linear program over the hidden cells (Apache Commons Math's simplex solver), solved per group of
 * hidden cells that share a margin, so a city-sized table is many small programs rather than one large one.
 */
public final class FeasibleRanges {
    private static final double UNBOUNDED = Double.POSITIVE_INFINITY;

    /** The values a hidden cell can take; {@code high} is infinite when nothing published bounds it. */
    public record Range(double low, double high) {
        public double width() {
            return high - low;
        }
    }

    /** The range of every suppressed cell of the table. */
    public Map<String, Range> of(ProtectedTable table, Set<String> suppressed) {
        requireNonNull(table, "table is null");
        requireNonNull(suppressed, "suppressed is null");
        List<Equation> equations = new ArrayList<>();
        for (Margin margin : table.margins()) {
            Map<String, Double> unknowns = new LinkedHashMap<>();
            double known = 0;
            for (String member : margin.members()) {
                double sign = member.equals(margin.total()) ? -1 : 1;
                if (suppressed.contains(member)) {
                    unknowns.merge(member, sign, Double::sum);
                } else {
                    known -= sign * table.cell(member).count();
                }
            }
            if (!unknowns.isEmpty()) {
                equations.add(new Equation(unknowns, known));
            }
        }
        Map<String, Range> ranges = new LinkedHashMap<>();
        for (List<Equation> component : components(equations)) {
            ranges.putAll(solve(component, table.lowerBound()));
        }
        for (String cell : suppressed) {
            ranges.putIfAbsent(cell, new Range(table.lowerBound(), UNBOUNDED));
        }
        return ranges;
    }

    /** Σ coefficient × hidden cell = constant. */
    private record Equation(Map<String, Double> unknowns, double constant) {
    }

    private static List<List<Equation>> components(List<Equation> equations) {
        Map<String, String> parent = new HashMap<>();
        for (Equation equation : equations) {
            String first = null;
            for (String cell : equation.unknowns().keySet()) {
                parent.putIfAbsent(cell, cell);
                if (first == null) {
                    first = cell;
                } else {
                    parent.put(root(parent, cell), root(parent, first));
                }
            }
        }
        Map<String, List<Equation>> byRoot = new LinkedHashMap<>();
        for (Equation equation : equations) {
            String cell = equation.unknowns().keySet().iterator().next();
            byRoot.computeIfAbsent(root(parent, cell), key -> new ArrayList<>()).add(equation);
        }
        return new ArrayList<>(byRoot.values());
    }

    private static String root(Map<String, String> parent, String cell) {
        String current = cell;
        while (!parent.get(current).equals(current)) {
            current = parent.get(current);
        }
        parent.put(cell, current);
        return current;
    }

    private static Map<String, Range> solve(List<Equation> equations, long lowerBound) {
        List<String> cells = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Equation equation : equations) {
            for (String cell : equation.unknowns().keySet()) {
                if (index.putIfAbsent(cell, cells.size()) == null) {
                    cells.add(cell);
                }
            }
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (Equation equation : equations) {
            double[] coefficients = new double[cells.size()];
            equation.unknowns().forEach((cell, coefficient) -> coefficients[index.get(cell)] += coefficient);
            constraints.add(new LinearConstraint(coefficients, Relationship.EQ, equation.constant()));
        }
        if (lowerBound > 0) {
            for (int variable = 0; variable < cells.size(); variable++) {
                double[] unit = new double[cells.size()];
                unit[variable] = 1;
                constraints.add(new LinearConstraint(unit, Relationship.GEQ, lowerBound));
            }
        }
        LinearConstraintSet set = new LinearConstraintSet(constraints);
        Map<String, Range> ranges = new LinkedHashMap<>();
        for (int variable = 0; variable < cells.size(); variable++) {
            double[] unit = new double[cells.size()];
            unit[variable] = 1;
            LinearObjectiveFunction objective = new LinearObjectiveFunction(unit, 0);
            double low = optimum(objective, set, GoalType.MINIMIZE);
            double high = optimum(objective, set, GoalType.MAXIMIZE);
            ranges.put(cells.get(variable), new Range(low, high));
        }
        return ranges;
    }

    private static double optimum(LinearObjectiveFunction objective, LinearConstraintSet constraints, GoalType goal) {
        try {
            PointValuePair solution = new SimplexSolver().optimize(new MaxIter(100_000), objective, constraints, goal,
                    new NonNegativeConstraint(true));
            // Counts are whole numbers; round away the solver's floating-point dust.
            return Math.rint(solution.getValue() * 1e6) / 1e6;
        } catch (UnboundedSolutionException e) {
            return UNBOUNDED;
        }
    }
}
