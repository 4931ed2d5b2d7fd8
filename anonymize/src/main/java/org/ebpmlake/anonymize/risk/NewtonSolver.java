package org.ebpmlake.anonymize.risk;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Newton–Raphson for two equations in two unknowns, as ARX's solver runs it for the population models (accuracy
 * 1e-6, 1,000 iterations a try, 10,000 in all; a failed try restarts at a random point scaled from the start).
 * ARX's solver library is not on Maven Central and commons-math has no two-dimensional Newton method, hence this
 * small one. Restarts draw from a fixed seed and there is no time limit, so an estimate is the same on every run
 * (ARX's are not: it restarts from {@code Math.random()} and stops on wall-clock limits).
 */
final class NewtonSolver {
    private static final double ACCURACY = 1e-6;
    private static final int ITERATIONS_PER_TRY = 1_000;
    private static final int ITERATIONS_TOTAL = 10_000;
    private static final long SEED = 17L;

    /** The value of both equations at a point, and their Jacobian {{df1/dx, df1/dy}, {df2/dx, df2/dy}}. */
    record Evaluation(double first, double second, double[][] jacobian) {
    }

    private NewtonSolver() {
    }

    /** A root near {@code start}, or {@code {NaN, NaN}} when none was found. */
    static double[] solve(Function<double[], Evaluation> equations, Predicate<double[]> constraint, double[] start) {
        SplittableRandom random = new SplittableRandom(SEED);
        int total = 0;
        boolean first = true;
        while (total <= ITERATIONS_TOTAL) {
            double[] point;
            if (first) {
                point = start.clone();
                first = false;
            } else {
                point = new double[] {random.nextDouble() * start[0], random.nextDouble() * start[1]};
            }
            for (int iteration = 0; iteration <= ITERATIONS_PER_TRY; iteration++) {
                total++;
                Evaluation evaluation = equations.apply(point);
                if (Math.abs(evaluation.first()) <= ACCURACY && Math.abs(evaluation.second()) <= ACCURACY) {
                    return point;
                }
                double[][] j = evaluation.jacobian();
                double determinant = j[0][0] * j[1][1] - j[0][1] * j[1][0];
                double stepX = (j[1][1] * evaluation.first() - j[0][1] * evaluation.second()) / determinant;
                double stepY = (-j[1][0] * evaluation.first() + j[0][0] * evaluation.second()) / determinant;
                point = new double[] {point[0] - stepX, point[1] - stepY};
                if (Double.isNaN(point[0]) || Double.isNaN(point[1]) || !constraint.test(point)) {
                    break;
                }
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    /** The Jacobian by central differences, for equations whose derivatives are not written out. */
    static double[][] numericJacobian(Function<double[], double[]> equations, double[] point) {
        double[][] jacobian = new double[2][2];
        for (int variable = 0; variable < 2; variable++) {
            double step = Math.max(1e-7, Math.abs(point[variable]) * 1e-7);
            double[] up = point.clone();
            double[] down = point.clone();
            up[variable] += step;
            down[variable] -= step;
            double[] high = equations.apply(up);
            double[] low = equations.apply(down);
            jacobian[0][variable] = (high[0] - low[0]) / (2 * step);
            jacobian[1][variable] = (high[1] - low[1]) / (2 * step);
        }
        return jacobian;
    }
}
