package org.ebpmlake.anonymize.risk;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Computes {@link ReidentificationRisks} from the sizes of a released table's equivalence classes and its population. */
public record RiskAnalysis(double threshold) {
    public RiskAnalysis {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the risk threshold must be in (0, 1], got " + threshold);
        }
    }

    /** The risks when the released records are the whole population (a registry extract). */
    public ReidentificationRisks analyze(Collection<Long> classSizes) {
        requireNonNull(classSizes, "classSizes is null");
        long records = classSizes.stream().mapToLong(Long::longValue).sum();
        return analyze(classSizes, records);
    }

    /**
     * The risks when the released records are a sample of a population of the given size: the journalist's class
     * sizes in the population are estimated as the sample's over the sampling fraction (never below the sample's).
     */
    public ReidentificationRisks analyze(Collection<Long> classSizes, long populationSize) {
        requireNonNull(classSizes, "classSizes is null");
        long records = classSizes.stream().mapToLong(Long::longValue).sum();
        if (populationSize < records) {
            throw new IllegalArgumentException("the population (" + populationSize + ") is smaller than the released"
                    + " records (" + records + ")");
        }
        double samplingFraction = records == 0 ? 1 : (double) records / populationSize;
        List<Double> estimated = new ArrayList<>();
        for (long size : classSizes) {
            estimated.add(Math.max(size, size / samplingFraction));
        }
        return analyze(classSizes, estimated, populationSize);
    }

    /**
     * The risks when the population's class sizes are known (the population table is given): each entry of
     * {@code populationClassSizes} is the population count of the class at the same position.
     */
    public ReidentificationRisks analyzeAgainstPopulation(List<Long> classSizes, List<Long> populationClassSizes,
            long populationSize) {
        requireNonNull(classSizes, "classSizes is null");
        requireNonNull(populationClassSizes, "populationClassSizes is null");
        if (classSizes.size() != populationClassSizes.size()) {
            throw new IllegalArgumentException(classSizes.size() + " classes but " + populationClassSizes.size()
                    + " population counts");
        }
        List<Double> counted = new ArrayList<>();
        long populationUniques = 0;
        for (int index = 0; index < classSizes.size(); index++) {
            if (populationClassSizes.get(index) == 1) {
                populationUniques++;
            }
            if (populationClassSizes.get(index) < classSizes.get(index)) {
                throw new IllegalArgumentException("class " + (index + 1) + " has " + classSizes.get(index)
                        + " released records but only " + populationClassSizes.get(index) + " in the population");
            }
            counted.add((double) populationClassSizes.get(index));
        }
        ReidentificationRisks risks = analyze(classSizes, counted, populationSize);
        double share = populationSize == 0 ? 0 : (double) populationUniques / populationSize;
        return new ReidentificationRisks(risks.threshold(), risks.prosecutor(), risks.journalist(), risks.marketer(),
                populationSize, new PopulationUniqueness(share, share, share, share, PopulationUniqueness.Model.COUNTED));
    }

    private ReidentificationRisks analyze(Collection<Long> classSizes, List<Double> populationClassSizes, long populationSize) {
        long records = 0;
        long classes = 0;
        long smallest = Long.MAX_VALUE;
        long aboveThreshold = 0;
        double smallestInPopulation = Double.POSITIVE_INFINITY;
        double journalistSum = 0;
        long journalistAbove = 0;
        int index = 0;
        for (long size : classSizes) {
            if (size <= 0) {
                throw new IllegalArgumentException("an equivalence class cannot have " + size + " records");
            }
            double inPopulation = populationClassSizes.get(index++);
            records += size;
            classes++;
            smallest = Math.min(smallest, size);
            smallestInPopulation = Math.min(smallestInPopulation, inPopulation);
            if (1.0 / size > threshold) {
                aboveThreshold += size;
            }
            journalistSum += size / inPopulation;
            if (1.0 / inPopulation > threshold) {
                journalistAbove += size;
            }
        }
        if (records == 0) {
            AttackerRisk none = new AttackerRisk(0, 0, 0);
            return new ReidentificationRisks(threshold, none, none, 0, populationSize, PopulationUniqueness.NONE);
        }
        AttackerRisk prosecutor = new AttackerRisk(1.0 / smallest, (double) classes / records, (double) aboveThreshold / records);
        double marketer = Math.min(1, journalistSum / records);
        AttackerRisk journalist = new AttackerRisk(Math.min(1, 1.0 / smallestInPopulation), marketer,
                (double) journalistAbove / records);
        PopulationUniqueness uniqueness = PopulationModels.estimate(ClassSizeHistogram.of(classSizes), populationSize);
        return new ReidentificationRisks(threshold, prosecutor, journalist, marketer, populationSize, uniqueness);
    }
}
