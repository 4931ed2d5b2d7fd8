package org.ebpmlake.pipelines.mart.education;

import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/** The education marts, as declared in {@code schemas/src/main/resources/datasets/mart_education_*.yaml}. */
public final class EducationTables {
    public static final TableName SCORES = new TableName(Zone.MART, "education_scores");
    public static final TableName DEVICE_USE = new TableName(Zone.MART, "education_device_use");
    public static final TableName MOOD = new TableName(Zone.MART, "education_mood");
    public static final TableName ATTENDANCE = new TableName(Zone.MART, "education_attendance");
    public static final TableName NURSE_VISITS = new TableName(Zone.MART, "education_nurse_visits");
    public static final TableName EARLY_WARNING = new TableName(Zone.CURATED, "early_warning");

    private EducationTables() {
    }
}
