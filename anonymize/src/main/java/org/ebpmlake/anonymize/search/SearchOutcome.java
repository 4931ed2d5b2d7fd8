package org.ebpmlake.anonymize.search;

import java.util.Optional;

/**
 * The best node a search found, if any meets the models, with how many nodes it checked out of the lattice's
 * and whether the node is proven to have the least loss (false for the bounded heuristic on huge lattices).
 */
record SearchOutcome(Optional<NodeEvaluation> optimum, long nodesChecked, long latticeSize, boolean optimal) {
}
