package org.ebpmlake.anonymize.risk;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * ARX's population-uniqueness models (org.deidentifier.arx.risk: ModelPitman, ModelZayatz, ModelSNB and
 * RiskModelPopulationUniqueness), re-implemented from their definitions: each estimates the number of population
 * uniques from the sample's class-size histogram, the sample size and the population size.
 */
final class PopulationModels {
    private static final double ITERATIVE_PITMAN_LIMIT = 200_000;
    private PopulationModels() {
    }

    static PopulationUniqueness estimate(ClassSizeHistogram histogram, long populationSize) {
        long uniques = histogram.classesOfSize(1);
        if (uniques == 0 || histogram.records() == 0) {
            return PopulationUniqueness.NONE;
        }
        double samplingFraction = (double) histogram.records() / populationSize;
        if (histogram.records() >= populationSize) {
            // The sample is the population (a registry extract): its uniques are known, no model is needed.
            double share = (double) uniques / populationSize;
            return new PopulationUniqueness(share, share, share, share, PopulationUniqueness.Model.ZAYATZ);
        }
        double zayatz = valid(zayatz(histogram, populationSize));
        double pitman = valid(pitman(histogram, populationSize));
        double snb = valid(snb(histogram, samplingFraction));
        double dankar;
        PopulationUniqueness.Model model;
        if (samplingFraction <= 0.1) {
            if (pitman != 0) {
                dankar = pitman;
                model = PopulationUniqueness.Model.PITMAN;
            } else {
                dankar = zayatz;
                model = PopulationUniqueness.Model.ZAYATZ;
            }
        } else if (snb != 0 && snb <= zayatz) {
            dankar = snb;
            model = PopulationUniqueness.Model.SNB;
        } else {
            dankar = zayatz;
            model = PopulationUniqueness.Model.ZAYATZ;
        }
        return new PopulationUniqueness(pitman / populationSize, zayatz / populationSize, snb / populationSize,
                dankar / populationSize, model);
    }

    /** ARX counts an estimate that is NaN as unavailable, reported as 0. */
    private static double valid(double estimate) {
        return Double.isNaN(estimate) ? 0 : estimate;
    }

    /**
     * Zayatz: the probability that a sample unique was drawn from a population unique, by the hypergeometric
     * distribution, times the sample uniques over the sampling fraction.
     */
    static double zayatz(ClassSizeHistogram histogram, long populationSize) {
        int population = (int) Math.min(Integer.MAX_VALUE, populationSize);
        int sample = (int) Math.min(Integer.MAX_VALUE, histogram.records());
        double classes = histogram.classCount();
        double weighted = 0;
        for (int index = 0; index < histogram.sizes().length; index++) {
            int size = (int) histogram.sizes()[index];
            weighted += histogram.classes()[index] / classes * hypergeometric(population, size, sample).probability(1);
        }
        double uniques = histogram.classesOfSize(1);
        double conditional = uniques / classes * hypergeometric(population, 1, sample).probability(1) / weighted;
        return uniques * conditional / ((double) histogram.records() / populationSize);
    }

    private static HypergeometricDistribution hypergeometric(int population, int successes, int sample) {
        // No random generator: only probabilities are computed, nothing is drawn.
        return new HypergeometricDistribution((RandomGenerator) null, population, successes, sample);
    }

    /** Pitman: maximum-likelihood θ and α of the Pitman sampling formula, then Γ(θ+1)/Γ(θ+α)·N^α uniques. */
    static double pitman(ClassSizeHistogram histogram, long populationSize) {
        double c1 = histogram.classesOfSize(1);
        double c2 = histogram.classesOfSize(2);
        double u = histogram.classCount();
        double n = histogram.records();
        c2 = c2 != 0 ? c2 : 1;
        double c = c1 * (c1 - 1) / c2;
        double theta = (n * u * c - c1 * (n - 1) * (2 * u + c)) / (2 * c1 * u + c1 * c - n * c);
        double alpha = (theta * (c1 - n) + (n - 1) * c1) / (n * u);
        double[] start = {theta, alpha};
        double[] result = NewtonSolver.solve(point -> pitmanClosed(histogram, u, n, point),
                point -> point[0] >= 0, start);
        // The iterative form sums over every record, affordable only on samples of moderate size.
        if (n <= ITERATIVE_PITMAN_LIMIT && (Double.isNaN(result[0]) || !pitmanConverged(histogram, u, n, result))) {
            result = NewtonSolver.solve(point -> pitmanIterative(histogram, u, n, point), point -> point[0] >= 0, start);
        }
        double t = result[0];
        double a = result[1];
        if (Double.isNaN(t) || Double.isNaN(a) || a == 0) {
            return Double.NaN;
        }
        double logForm = Math.exp(Gamma.logGamma(t + 1) - Gamma.logGamma(t + a)) * Math.pow(populationSize, a);
        double direct = Gamma.gamma(t + 1) / Gamma.gamma(t + a) * Math.pow(populationSize, a);
        boolean logValid = logForm >= 0 && logForm <= populationSize;
        boolean directValid = direct >= 0 && direct <= populationSize;
        if (logValid && directValid) {
            return Math.max(logForm, direct);
        }
        if (logValid) {
            return logForm;
        }
        if (directValid) {
            return direct;
        }
        return Double.NaN;
    }

    /** The score equations of Pitman's likelihood in closed form (digamma and trigamma), with their Jacobian. */
    private static NewtonSolver.Evaluation pitmanClosed(ClassSizeHistogram histogram, double u, double n, double[] point) {
        double t = point[0];
        double a = point[1];
        double val0 = u - 1;
        double val1 = Gamma.digamma(val0 + t / a + 1);
        double val2 = Gamma.trigamma((a + t + a * val0) / a);
        double val3 = Gamma.trigamma(t / a + 1);
        double val4 = Gamma.digamma(t / a + 1);
        double val5 = a * a;
        double d1 = (val3 - val2) / val5;
        double d5 = (a * val1 + t * val2 - a * val4 - t * val3) / (val5 * a);
        double d3 = (val5 * val0 - t * t * val2 + t * t * val3 - 2 * a * t * val1 + 2 * a * t * val4) / (val5 * val5);
        double o1 = (val1 - val4) / a;
        double o3 = (-t * val1 + a * val0 + t * val4) / val5;
        double o2 = Gamma.digamma(n + t) - Gamma.digamma(t + 1);
        double d2 = Gamma.trigamma(t + 1) - Gamma.trigamma(n + t);
        double d4 = 0;
        double o4 = 0;
        double val6 = Gamma.digamma(1 - a);
        double val7 = Gamma.trigamma(1 - a);
        for (int index = 0; index < histogram.sizes().length; index++) {
            long size = histogram.sizes()[index];
            if (size != 1) {
                d4 += histogram.classes()[index] * (val7 - Gamma.trigamma(size - a));
                o4 += histogram.classes()[index] * (Gamma.digamma(size - a) - val6);
            }
        }
        return new NewtonSolver.Evaluation(o1 - o2, o3 - o4, new double[][] {{d2 - d1, -d5}, {-d5, -d3 - d4}});
    }

    /** The same equations as sums, slower but without the closed forms' loss of precision. */
    private static NewtonSolver.Evaluation pitmanIterative(ClassSizeHistogram histogram, double u, double n, double[] point) {
        double t = point[0];
        double a = point[1];
        double d1 = 0;
        double d2 = 0;
        double d3 = 0;
        double d4 = 0;
        double d5 = 0;
        double o1 = 0;
        double o2 = 0;
        double o3 = 0;
        double o4 = 0;
        for (int i = 1; i < u; i++) {
            double denominator = t + i * a;
            double inverse = 1 / denominator;
            double squared = 1 / (denominator * denominator);
            d1 += squared;
            d5 += i * squared;
            d3 += (double) i * i * squared;
            o1 += inverse;
            o3 += i * inverse;
        }
        for (int index = 0; index < histogram.sizes().length; index++) {
            long size = histogram.sizes()[index];
            if (size != 1) {
                double squares = 0;
                double inverses = 0;
                for (int j = 1; j < size; j++) {
                    double value = j - a;
                    squares += 1 / (value * value);
                    inverses += 1 / value;
                }
                d4 += histogram.classes()[index] * squares;
                o4 += histogram.classes()[index] * inverses;
            }
        }
        for (int i = 1; i < n; i++) {
            double value = t + i;
            d2 += 1 / (value * value);
            o2 += 1 / value;
        }
        return new NewtonSolver.Evaluation(o1 - o2, o3 - o4, new double[][] {{d2 - d1, -d5}, {-d5, -d3 - d4}});
    }

    private static boolean pitmanConverged(ClassSizeHistogram histogram, double u, double n, double[] point) {
        NewtonSolver.Evaluation check = pitmanIterative(histogram, u, n, point);
        return !Double.isNaN(check.first()) && !Double.isNaN(check.second())
                && Math.abs(check.first()) <= 1e-6 && Math.abs(check.second()) <= 1e-6;
    }

    /** SNB: Shlosser's estimate of the population's non-empty classes K, then α and β by moments; K·β^α uniques. */
    static double snb(ClassSizeHistogram histogram, double samplingFraction) {
        double c1 = histogram.classesOfSize(1);
        double c2 = histogram.classesOfSize(2);
        double f = samplingFraction;
        double k = shlosser(histogram, f);
        double[] result = NewtonSolver.solve(point -> {
            double[] values = snbEquations(k, f, c1, c2, point);
            return new NewtonSolver.Evaluation(values[0], values[1],
                    NewtonSolver.numericJacobian(other -> snbEquations(k, f, c1, c2, other), point));
        }, point -> true, new double[] {1, 1});
        return k * Math.pow(result[1], result[0]);
    }

    /** SNB's moment equations for α and β (ARX's form), each minus the observed count of classes of size 1 and 2. */
    private static double[] snbEquations(double k, double f, double c1, double c2, double[] point) {
        double a = point[0];
        double b = point[1];
        double dividend = (1 - f) * (1 - b);
        double first = k * f * Math.pow(b / (1 - dividend), a) * (a * dividend / (1 - dividend) + 1) - c1;
        double second = k * a * Math.pow(b, a) * (f * f) * (1 - b) / 2 * Math.pow(1 - dividend, a + 2)
                * (2 - (1 - a) * dividend) - c2;
        return new double[] {first, second};
    }

    /** Shlosser's estimator of the number of non-empty classes in the population (Haas 1998), as ARX writes it. */
    static double shlosser(ClassSizeHistogram histogram, double f) {
        double var1 = 0;
        double var2 = 0;
        double var3 = 0;
        double var4 = 0;
        double fSquared = f * f;
        for (int index = 0; index < histogram.sizes().length; index++) {
            double size = histogram.sizes()[index];
            double count = histogram.classes()[index];
            double val2 = Math.pow(1 - f, size) * count;
            var1 += size * fSquared * Math.pow(1 - fSquared, size - 1) * count;
            var2 += val2 * Math.pow(1 + f, size) - 1;
            var3 += val2;
            var4 += size * f * Math.pow(1 - f, size - 1) * count;
        }
        return histogram.classCount() + histogram.classesOfSize(1) * (var1 / var2) * (var3 / var4) * (var3 / var4);
    }
}
