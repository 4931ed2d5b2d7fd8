package org.ebpmlake.pipelines.mart.education;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns counted groups into a {@link ProtectedTable} whose margins are the area hierarchy: in each slice, a ward
 * counts what its schools count together and the city what its wards count. Builder and verifier each use it on
 * the cells they derived themselves.
 */
final class AreaTables {
    private AreaTables() {
    }

    static ProtectedTable of(String name, List<AreaCell> cells, int minimumGroup, long lowerBound,
            Function<AreaCell, Optional<String>> link) {
        ProtectedTable.Builder table = ProtectedTable.builder(name, minimumGroup, lowerBound);
        Map<String, List<String>> partsOf = new LinkedHashMap<>();
        Map<String, AreaCell> byId = new LinkedHashMap<>();
        for (AreaCell cell : cells) {
            table.cell(new ProtectedCell(cell.id(), cell.count(), link.apply(cell)));
            byId.put(cell.id(), cell);
            cell.parentId().ifPresent(parent -> partsOf.computeIfAbsent(parent, key -> new ArrayList<>()).add(cell.id()));
        }
        partsOf.forEach((total, parts) -> {
            if (byId.containsKey(total)) {
                table.margin(new Margin(total, parts));
            }
        });
        return table.build();
    }
}
