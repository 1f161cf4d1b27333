package org.moevoprune.core.io.literal;

import java.util.Objects;

/**
 * A text that is not a literal of its {@link LiteralDialect}: the message names the dialect, the line and column of
 * the first error, the problem, and quotes the text around it, e.g. {@code malformed JSON at line 3, column 17:
 * expected ',' or ']' but found '"' (near "...")}. It does not name the file, which the parser does not know: callers
 * prefix the file name and say how to fix the file.
 *
 * <p>Lines and columns count from 1; a line ends at a line feed, a carriage return or both; columns count UTF-16
 * characters (a tab is one column).
 */
public final class LiteralSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int CONTEXT = 30;

    private final LiteralDialect dialect;
    private final int offset;
    private final int line;
    private final int column;
    private final String problem;

    LiteralSyntaxException(LiteralDialect dialect, String text, int offset, String problem) {
        super(message(dialect, text, offset, problem));
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.offset = offset;
        int[] at = lineAndColumn(text, offset);
        this.line = at[0];
        this.column = at[1];
        this.problem = problem;
    }

    /** @return the dialect the text was read as */
    public LiteralDialect dialect() {
        return dialect;
    }

    /** @return the index in the text (UTF-16 characters from 0) of the first error */
    public int offset() {
        return offset;
    }

    /** @return the line of the first error, from 1 */
    public int line() {
        return line;
    }

    /** @return the column of the first error within its line, from 1 */
    public int column() {
        return column;
    }

    /** @return what is wrong, without the position, e.g. {@code expected ':' but found ','} */
    public String problem() {
        return problem;
    }

    private static String message(LiteralDialect dialect, String text, int offset, String problem) {
        int[] at = lineAndColumn(text, offset);
        StringBuilder message = new StringBuilder("malformed ").append(dialect.description()).append(" at line ")
                .append(at[0]).append(", column ").append(at[1]).append(": ").append(problem);
        if (!text.isEmpty()) {
            message.append(" (near \"").append(near(text, offset)).append("\")");
        }
        return message.toString();
    }

    private static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    private static String near(String text, int offset) {
        int from = Math.max(0, Math.min(offset, text.length()) - CONTEXT);
        int to = Math.min(text.length(), offset + CONTEXT);
        StringBuilder near = new StringBuilder(to - from + 2);
        if (from > 0) {
            near.append('…');
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            near.append(Character.isISOControl(c) ? ' ' : c);
        }
        return near.append(to < text.length() ? "…" : "").toString();
    }
}
