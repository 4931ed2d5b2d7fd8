package org.ebpmlake.pipelines.mart.education;

/** Months as the marts write them ({@code yyyy-MM}) and the fiscal year (April to March) each belongs to. */
final class EducationMonths {
    private EducationMonths() {
    }

    static int fiscalYear(String month) {
        int year = Integer.parseInt(month.substring(0, 4));
        int monthOfYear = Integer.parseInt(month.substring(5, 7));
        return monthOfYear >= 4 ? year : year - 1;
    }
}
