package org.ebpmlake.pipelines.raw;

/**
 * Where every physical line (or sheet row) of a delivery went: into the header (title, header and units rows),
 * nowhere (a blank line), or into exactly one record. The constructor refuses an account that does not add up,
 * so a line swallowed or counted twice cannot go unnoticed.
 *
 * @param lines the file's physical lines (its last line number)
 * @param headerLines lines above the data
 * @param blankLines blank lines among the data
 * @param recordLines lines the records span (a record with a quoted line break spans several)
 */
public record LineAccount(long lines, long headerLines, long blankLines, long recordLines) {
    /** The account of a file that was not read again (the same bytes were ingested before). */
    public static final LineAccount NOT_READ = new LineAccount(0, 0, 0, 0);

    public LineAccount {
        if (lines < 0 || headerLines < 0 || blankLines < 0 || recordLines < 0) {
            throw new IllegalArgumentException("line counts cannot be negative");
        }
        if (headerLines + blankLines + recordLines != lines) {
            throw new IllegalStateException("lines were lost or counted twice: " + lines + " lines, but " + headerLines
                    + " header + " + blankLines + " blank + " + recordLines + " in records");
        }
    }
}
