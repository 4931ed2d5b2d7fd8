package org.ebpmlake.pipelines.evaluation;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Units observed over periods, some of them treated from the period {@code firstTreatedPeriod} on: what a
 * difference-in-differences compares. Periods are indexed in time order; each has its first day and a label.
 *
 * @param periodStarts the first day of each period, in order
 * @param periodLabels what each period is called on a page (2025-03-17, 2024年度)
 * @param firstTreatedPeriod the index of the first period in which the treated units are treated
 */
public record Panel(List<LocalDate> periodStarts, List<String> periodLabels, int firstTreatedPeriod, Set<String> treatedUnits,
        List<PanelObservation> observations) {
    public Panel {
        periodStarts = List.copyOf(requireNonNull(periodStarts, "periodStarts is null"));
        periodLabels = List.copyOf(requireNonNull(periodLabels, "periodLabels is null"));
        treatedUnits = Set.copyOf(requireNonNull(treatedUnits, "treatedUnits is null"));
        observations = List.copyOf(requireNonNull(observations, "observations is null"));
        if (periodLabels.size() != periodStarts.size()) {
            throw new IllegalArgumentException(periodStarts.size() + " periods but " + periodLabels.size() + " labels");
        }
        for (PanelObservation observation : observations) {
            if (observation.period() >= periodStarts.size()) {
                throw new IllegalArgumentException("observation in period " + observation.period() + " of " + periodStarts.size());
            }
        }
    }

    /** Every unit observed, in the order first seen. */
    public List<String> units() {
        Set<String> units = new LinkedHashSet<>();
        observations.forEach(observation -> units.add(observation.unit()));
        return List.copyOf(units);
    }

    public boolean isTreated(String unit) {
        return treatedUnits.contains(unit);
    }

    public int periods() {
        return periodStarts.size();
    }
}
