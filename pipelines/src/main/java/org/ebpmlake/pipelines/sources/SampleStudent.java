package org.ebpmlake.pipelines.sources;

import static java.util.Objects.requireNonNull;

/** A generated student, as the school-day and survey generators need it. */
record SampleStudent(String studentId, String schoolCode, int grade) {
    SampleStudent {
        requireNonNull(studentId, "studentId is null");
        requireNonNull(schoolCode, "schoolCode is null");
    }
}
