package org.ebpmlake.pipelines.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Ordinary least squares (Apache Commons Math) with a cluster-robust covariance of the coefficients: the CR1 sandwich
 * {@code c (X'X)⁻¹ (Σ_g X_g' u_g u_g' X_g) (X'X)⁻¹} with {@code c = G/(G−1) · (N−1)/(N−K)}, as Stata's
 * {@code vce(cluster)} and R's {@code sandwich::vcovCL(type = "HC1")} compute it. Observations of one cluster (a unit
 * observed over several periods) are not independent; treating them as independent would make intervals too narrow.
 * The design matrix carries its own constant column, if any.
 */
final class ClusterRobustRegression {
    /** The fitted coefficients and their cluster-robust covariance; {@code clusters} is G, the t-test's degrees of freedom + 1. */
    record Fit(double[] coefficients, RealMatrix covariance, int clusters) {
        Fit {
            requireNonNull(coefficients, "coefficients is null");
            requireNonNull(covariance, "covariance is null");
            coefficients = coefficients.clone();
        }

        double coefficient(int index) {
            return coefficients[index];
        }

        double standardError(int index) {
            return Math.sqrt(covariance.getEntry(index, index));
        }
    }

    private ClusterRobustRegression() {
    }

    /**
     * @param y the outcome per observation
     * @param x the design matrix, one row per observation
     * @param clusters the cluster of each observation
     * @throws SingularMatrixException when the design's columns are linearly dependent
     */
    static Fit fit(double[] y, double[][] x, List<String> clusters) {
        requireNonNull(y, "y is null");
        requireNonNull(x, "x is null");
        requireNonNull(clusters, "clusters is null");
        int n = y.length;
        int k = x[0].length;
        if (x.length != n || clusters.size() != n) {
            throw new IllegalArgumentException("y, x and clusters differ in length: " + n + ", " + x.length + ", " + clusters.size());
        }
        if (n <= k) {
            throw new IllegalArgumentException(n + " observations cannot fit " + k + " coefficients");
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(y, x);
        double[] beta = ols.estimateRegressionParameters();
        double[] residuals = ols.estimateResiduals();
        // For OLS this is (X'X)⁻¹, not yet scaled by an error variance.
        RealMatrix bread = new Array2DRowRealMatrix(ols.estimateRegressionParametersVariance(), false);
        Map<String, RealVector> scores = new LinkedHashMap<>();
        for (int row = 0; row < n; row++) {
            RealVector score = new ArrayRealVector(x[row]).mapMultiply(residuals[row]);
            scores.merge(clusters.get(row), score, RealVector::add);
        }
        RealMatrix meat = new Array2DRowRealMatrix(k, k);
        for (RealVector score : scores.values()) {
            meat = meat.add(score.outerProduct(score));
        }
        int g = scores.size();
        if (g < 2) {
            throw new IllegalArgumentException("a cluster-robust covariance needs at least two clusters, got " + g);
        }
        double correction = (double) g / (g - 1) * (n - 1.0) / (n - k);
        RealMatrix covariance = bread.multiply(meat).multiply(bread).scalarMultiply(correction);
        return new Fit(beta, covariance, g);
    }

    /**
     * The Wald statistic {@code b' V⁻¹ b} of the coefficients at {@code indices} being all zero, with their covariance V.
     *
     * @throws SingularMatrixException when their covariance is singular (too few clusters for the coefficients tested)
     */
    static double waldStatistic(Fit fit, int[] indices) {
        requireNonNull(fit, "fit is null");
        double[] b = Arrays.stream(indices).mapToDouble(fit::coefficient).toArray();
        RealMatrix v = fit.covariance().getSubMatrix(indices, indices);
        RealVector vector = new ArrayRealVector(b, false);
        return vector.dotProduct(new LUDecomposition(v).getSolver().getInverse().operate(vector));
    }
}
