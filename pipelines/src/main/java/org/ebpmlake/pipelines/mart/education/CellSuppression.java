package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which cells of a count table are published as 秘匿, as official statistics do: a cell counting from 1 to
 * fewer than the minimum group is hidden (primary suppression), and further cells are hidden (complementary
 * suppression) until no hidden cell can be narrowed down from the published ones to a range narrower than the
 * minimum group. Three rules, applied until nothing changes: a group hidden in one slice is hidden in every slice
 * it is linked to; a margin with exactly one hidden member gets a second (its smallest published part, else its
 * total); and where the linear-programming audit ({@link FeasibleRanges}) still finds a range too narrow, the
 * smallest published member of a margin around that cell is hidden too. Choosing the smallest published cell
 * loses the least information, in the spirit of τ-ARGUS's hypercube heuristic.
 */
public final class CellSuppression {
    private final FeasibleRanges ranges = new FeasibleRanges();

    /** The pattern for a table whose only primary cells are its small counts. */
    public SuppressionPattern suppress(ProtectedTable table) {
        return suppress(table, Set.of(), Set.of());
    }

    /**
     * The pattern for a table, with cells that are small by another count ({@code alsoPrimary}: a cell of 12 visits
     * by 4 students) and cells already hidden in another table for the same group ({@code alreadyHidden}, counted
     * as complementary here).
     */
    public SuppressionPattern suppress(ProtectedTable table, Set<String> alsoPrimary, Set<String> alreadyHidden) {
        requireNonNull(table, "table is null");
        requireNonNull(alsoPrimary, "alsoPrimary is null");
        requireNonNull(alreadyHidden, "alreadyHidden is null");
        Set<String> primary = new LinkedHashSet<>();
        for (ProtectedCell cell : table.cells().values()) {
            if (cell.count() > 0 && cell.count() < table.minimumGroup() || alsoPrimary.contains(cell.id())) {
                primary.add(cell.id());
            }
        }
        Set<String> hidden = new LinkedHashSet<>(primary);
        for (String cell : alreadyHidden) {
            table.cell(cell);
            hidden.add(cell);
        }
        Map<String, List<String>> linked = linkedCells(table);
        Map<String, List<Margin>> marginsOf = marginsOfCells(table);
        boolean changed = true;
        while (changed) {
            changed = hideLinked(hidden, table, linked) | pairLoneCells(hidden, table);
            if (!changed) {
                changed = widenNarrowRanges(hidden, table, marginsOf);
            }
        }
        Set<String> complementary = new LinkedHashSet<>(hidden);
        complementary.removeAll(primary);
        return new SuppressionPattern(primary, complementary);
    }

    private static boolean hideLinked(Set<String> hidden, ProtectedTable table, Map<String, List<String>> linked) {
        boolean changed = false;
        for (String cell : List.copyOf(hidden)) {
            Optional<String> link = table.cell(cell).link();
            if (link.isPresent()) {
                for (String sibling : linked.get(link.get())) {
                    changed |= hidden.add(sibling);
                }
            }
        }
        return changed;
    }

    private static boolean pairLoneCells(Set<String> hidden, ProtectedTable table) {
        boolean changed = false;
        for (Margin margin : table.margins()) {
            long hiddenMembers = margin.members().stream().filter(hidden::contains).count();
            if (hiddenMembers == 1) {
                Optional<String> partner = smallestPublishedPart(margin, hidden, table);
                String chosen = partner.orElse(margin.total());
                if (!hidden.contains(chosen)) {
                    hidden.add(chosen);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /**
     * Hides one more cell beside each hidden cell whose range is too narrow, at most one per margin in a round (one
     * more hidden cell often widens its neighbours' ranges too), and says whether it hid any.
     */
    private boolean widenNarrowRanges(Set<String> hidden, ProtectedTable table, Map<String, List<Margin>> marginsOf) {
        Set<Margin> widened = new java.util.HashSet<>();
        boolean changed = false;
        for (Map.Entry<String, FeasibleRanges.Range> range : ranges.of(table, hidden).entrySet()) {
            List<Margin> margins = marginsOf.getOrDefault(range.getKey(), List.of());
            if (range.getValue().width() >= table.minimumGroup() || margins.stream().anyMatch(widened::contains)) {
                continue;
            }
            for (Margin margin : margins) {
                Optional<String> partner = smallestPublishedPart(margin, hidden, table);
                if (partner.isEmpty() && !hidden.contains(margin.total())) {
                    partner = Optional.of(margin.total());
                }
                if (partner.isPresent()) {
                    hidden.add(partner.get());
                    widened.add(margin);
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    /** The smallest published part that is not zero (hiding a known zero adds little doubt), else any published part. */
    private static Optional<String> smallestPublishedPart(Margin margin, Set<String> hidden, ProtectedTable table) {
        Comparator<String> smallestFirst = Comparator.comparingLong((String part) -> table.cell(part).count()).thenComparing(part -> part);
        List<String> published = margin.parts().stream().filter(part -> !hidden.contains(part)).toList();
        return published.stream().filter(part -> table.cell(part).count() > 0).min(smallestFirst)
                .or(() -> published.stream().min(smallestFirst));
    }

    private static Map<String, List<String>> linkedCells(ProtectedTable table) {
        Map<String, List<String>> linked = new HashMap<>();
        for (ProtectedCell cell : table.cells().values()) {
            cell.link().ifPresent(link -> linked.computeIfAbsent(link, key -> new ArrayList<>()).add(cell.id()));
        }
        return linked;
    }

    private static Map<String, List<Margin>> marginsOfCells(ProtectedTable table) {
        Map<String, List<Margin>> marginsOf = new HashMap<>();
        for (Margin margin : table.margins()) {
            for (String member : margin.members()) {
                marginsOf.computeIfAbsent(member, key -> new ArrayList<>()).add(margin);
            }
        }
        return marginsOf;
    }
}
