package org.ebpmlake.pipelines.raw;

/** The kinds of warning ingestion records in {@code ops.ingest_warnings}, each with what was done about it. */
enum IngestWarning {
    EXTRA_COLUMN("extra_column", "宣言にない列のため無視 / not a declared column: ignored"),
    MISSING_OPTIONAL_COLUMN("missing_optional_column", "任意の列がないため空として取込 / optional column missing: read as empty"),
    FORMULA_LIKE_CELL("formula_like_cell",
            "数式のように始まるため先頭に ' を付けて保存 / starts like a spreadsheet formula: stored with a leading apostrophe"),
    // Also what makes a header-only file known by its hash, so delivering it again adds nothing and says so.
    NO_ROWS("no_rows", "見出しだけで行がありません / the delivery holds no rows");

    private final String code;
    private final String detail;

    IngestWarning(String code, String detail) {
        this.code = code;
        this.detail = detail;
    }

    String code() {
        return code;
    }

    String detail() {
        return detail;
    }
}
