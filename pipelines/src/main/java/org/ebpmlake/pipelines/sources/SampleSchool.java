package org.ebpmlake.pipelines.sources;

import static java.util.Objects.requireNonNull;

/** A generated school with its number of students, for the teachers' survey. */
record SampleSchool(String schoolCode, boolean juniorHigh, int students) {
    SampleSchool {
        requireNonNull(schoolCode, "schoolCode is null");
    }
}
