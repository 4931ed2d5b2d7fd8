package org.ebpmlake.sql.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleTest {
    @Test
    void eachRoleReadsOnlyItsZones() {
        assertThat(Role.PLANNER.canRead("deid", "residents")).isTrue();
        assertThat(Role.PLANNER.canRead("mart", "kpi_progress")).isTrue();
        assertThat(Role.PLANNER.canRead("raw", "residents")).isFalse();
        assertThat(Role.PLANNER.canRead("curated", "residents")).isFalse();
        assertThat(Role.SCHOOL_BOARD.canRead("mart", "education_scores_by_school")).isTrue();
        assertThat(Role.SCHOOL_BOARD.canRead("mart", "kpi_progress")).isFalse();
        assertThat(Role.DX_OFFICE.canRead("mart", "kpi_progress")).isTrue();
        assertThat(Role.DX_OFFICE.canRead("deid", "residents")).isFalse();
        assertThat(Role.STEWARD.canRead("raw", "residents")).isTrue();
        assertThat(Role.STEWARD.canRead("ops", "query_log")).isTrue();
    }

    @Test
    void aDenialSaysWhatTheRoleMayReadInBothLanguages() {
        assertThat(Role.PLANNER.denial("raw", "residents"))
                .contains("ロール planner（政策立案者）は raw.residents を参照できません")
                .contains("deid.*, mart.*")
                .contains("Access denied: role planner cannot read raw.residents");
    }

    @Test
    void usersFileIsReadWithLineNumbersInErrorsAndCreatedPrivateWhenMissing(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("secrets/users.txt");
        SqlUsers created = SqlUsers.readOrCreateLocal(file);

        assertThat(created.all()).extracting(SqlUser::role).containsExactly(Role.PLANNER, Role.SCHOOL_BOARD, Role.DX_OFFICE, Role.STEWARD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(created.firstOf(Role.PLANNER).toString()).doesNotContain(created.firstOf(Role.PLANNER).password());

        Path broken = directory.resolve("broken.txt");
        Files.writeString(broken, "# users\nalice:planner:政策企画室:long-enough-password\nbob:auditor:総務局:long-enough-password\n");
        assertThatThrownBy(() -> SqlUsers.read(broken)).hasMessageContaining("broken.txt line 3: ").hasMessageContaining("unknown role 'auditor'");
    }
}
