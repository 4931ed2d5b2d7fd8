package org.ebpmlake.pipelines.sources;

import static java.util.Objects.requireNonNull;

/** A generated student (with the ward of the school), as the school-day and survey generators need it. */
record SampleStudent(String studentId, String schoolCode, int grade, String wardCode) {
    SampleStudent {
        requireNonNull(studentId, "studentId is null");
        requireNonNull(schoolCode, "schoolCode is null");
        requireNonNull(wardCode, "wardCode is null");
    }
}
