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
    void theEarlyWarningTableIsReadByNoPlannerSchoolBoardOrDxOfficeAndBySchoolStaffOnlyThroughTrino() {
        for (Role role : new Role[] {Role.PLANNER, Role.SCHOOL_BOARD, Role.DX_OFFICE, Role.SCHOOL_STAFF}) {
            assertThat(role.canRead("curated", "early_warning")).as(role.code()).isFalse();
        }
        assertThat(Role.SCHOOL_STAFF.grants()).isEmpty();
        assertThat(Role.SCHOOL_STAFF.rowFilteredGrants()).containsExactly(
                new RowFilteredGrant(org.ebpmlake.schemas.Zone.CURATED, "early_warning", "school_code"));
        assertThat(Role.SCHOOL_STAFF.readable()).contains("curated.early_warning").contains("Trino");
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

        assertThat(created.all()).extracting(SqlUser::role).containsExactly(Role.PLANNER, Role.SCHOOL_BOARD, Role.DX_OFFICE, Role.STEWARD,
                Role.SCHOOL_STAFF);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(created.firstOf(Role.PLANNER).toString()).doesNotContain(created.firstOf(Role.PLANNER).password());

        Path broken = directory.resolve("broken.txt");
        Files.writeString(broken, "# users\nalice:planner:政策企画室:long-enough-password\nbob:auditor:総務局:long-enough-password\n");
        assertThatThrownBy(() -> SqlUsers.read(broken)).hasMessageContaining("broken.txt line 3: ").hasMessageContaining("unknown role 'auditor'");
    }

    @Test
    void pseudonymisedTablesAreReadOnlyByTheCitysOwnAnalystsInBothEngines() {
        java.util.Map<String, org.ebpmlake.schemas.PrivacyTier> tiers = java.util.Map.of(
                "residents", org.ebpmlake.schemas.PrivacyTier.ANONYMISED,
                "residents_internal", org.ebpmlake.schemas.PrivacyTier.PSEUDONYMISED);

        assertThat(Role.PARTNER.canRead("deid", "residents_internal",
                java.util.Optional.of(org.ebpmlake.schemas.PrivacyTier.PSEUDONYMISED))).isFalse();
        assertThat(Role.PARTNER.canRead("deid", "residents",
                java.util.Optional.of(org.ebpmlake.schemas.PrivacyTier.ANONYMISED))).isTrue();
        // A deid table that does not say its tier counts as pseudonymised.
        assertThat(Role.PARTNER.canRead("deid", "residents", java.util.Optional.empty())).isFalse();
        assertThat(Role.PLANNER.canRead("deid", "residents_internal",
                java.util.Optional.of(org.ebpmlake.schemas.PrivacyTier.PSEUDONYMISED))).isTrue();
        // Trino's rules name tables: the partner's deid grant renders to the anonymised ones only.
        assertThat(Role.PARTNER.deidTablesReadable(tiers)).containsExactly("residents");
        assertThat(Role.PLANNER.deidTablesReadable(tiers)).containsExactly("residents", "residents_internal");
    }
}
