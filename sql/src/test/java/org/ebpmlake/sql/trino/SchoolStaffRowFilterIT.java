package org.ebpmlake.sql.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.sql.query.AccessDeniedException;
import org.ebpmlake.sql.query.TrinoSqlEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The early-warning table through a real Trino: a school_staff user reads their own school's rows and not one row of
 * another school, whatever the query asks; planners, the school board and the DX office read none of it.
 */
@ExtendWith(LakeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolStaffRowFilterIT {
    private static final String SCHOOL_A = "B127200000012";
    private static final String SCHOOL_B = "B127200000023";
    private TrinoOnLake trino;

    @BeforeAll
    void startTrinoWithStaffOfTwoSchools(TemporaryLake temporaryLake) throws IOException {
        TemporaryLake lake = temporaryLake.withTables();
        lake.spark().sql("INSERT INTO " + lake.table("curated.early_warning") + " VALUES"
                + " ('" + SCHOOL_A + "', 'a1', 3, '1', DATE '2025-03-31', 2, 1, 0, 'mood,absence', 'rule'),"
                + " ('" + SCHOOL_A + "', 'a2', 4, '2', DATE '2025-03-31', 1, 0, 1, 'mood,nurse', 'rule'),"
                + " ('" + SCHOOL_B + "', 'b1', 5, '1', DATE '2025-03-31', 0, 2, 1, 'absence,nurse', 'rule')");
        trino = TrinoOnLake.start(lake, """
                teacher_a:school_staff:%s:password-of-teacher-a
                teacher_b:school_staff:%s:password-of-teacher-b
                planner:planner:政策企画室:password-of-the-planner
                school_board:school_board:教育委員会事務局:password-of-the-board
                dx_office:dx_office:デジタル統括室:password-of-dx-office
                """.formatted(SCHOOL_A, SCHOOL_B));
    }

    @AfterAll
    void stop() {
        if (trino != null) {
            trino.close();
        }
    }

    @Test
    void schoolStaffReadOnlyTheirOwnSchoolsRows() {
        try (TrinoSqlEngine teacherA = trino.engine(trino.user("teacher_a"));
                TrinoSqlEngine teacherB = trino.engine(trino.user("teacher_b"))) {
            assertThat(teacherA.execute("SELECT student_key FROM curated.early_warning ORDER BY student_key").rows())
                    .containsExactly(List.of("a1"), List.of("a2"));
            assertThat(teacherA.execute("SELECT count(*) FROM curated.early_warning WHERE school_code = '" + SCHOOL_B + "'").rows())
                    .containsExactly(List.of("0"));
            assertThat(teacherA.execute("SELECT DISTINCT school_code FROM curated.early_warning").rows())
                    .containsExactly(List.of(SCHOOL_A));
            assertThat(teacherB.execute("SELECT student_key FROM curated.early_warning").rows()).containsExactly(List.of("b1"));
        }
    }

    @Test
    void schoolStaffReadNothingElse() {
        try (TrinoSqlEngine teacherA = trino.engine(trino.user("teacher_a"))) {
            assertThatThrownBy(() -> teacherA.execute("SELECT * FROM curated.students")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> teacherA.execute("SELECT * FROM mart.education_scores")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> teacherA.execute("SELECT * FROM deid.students")).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void plannersTheSchoolBoardAndTheDxOfficeCannotReadTheEarlyWarningTable() {
        for (String user : List.of("planner", "school_board", "dx_office")) {
            try (TrinoSqlEngine engine = trino.engine(trino.user(user))) {
                assertThatThrownBy(() -> engine.execute("SELECT count(*) FROM curated.early_warning")).as(user)
                        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("curated.early_warning");
            }
        }
    }
}
