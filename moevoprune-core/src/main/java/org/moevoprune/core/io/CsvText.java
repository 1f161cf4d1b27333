package org.moevoprune.core.io;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** What the text of a CSV cell or line looks like: a name, a NaN spelling, another separator. Stateless. */
final class CsvText {

    /** Fewer cells counting 0, 1, 2, … are taken for data: small hand-written data such as {@code 0,1,2} is real. */
    static final int MIN_COUNTING_HEADER = 8;

    private CsvText() {
    }

    /** @return true for text that is neither a decimal number nor a NaN or infinity spelling, e.g. {@code f1} */
    static boolean isName(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
        return Float.isNaN(DecimalParser.parse(bytes, 0, bytes.length)) && !isNonFiniteSpelling(cell);
    }

    /**
     * Pandas names unnamed columns 0, 1, 2, …; such a header would otherwise be read as a sample. Short lines are
     * left alone because small hand-written data such as {@code 0,1,2} is common and real.
     */
    static boolean countsUp(List<String> cells) {
        if (cells.size() < MIN_COUNTING_HEADER) {
            return false;
        }
        int first = cells.get(0).equals("0") ? 0 : 1;
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).equals(Integer.toString(first + i))) {
                return false;
            }
        }
        return true;
    }

    /** @return the text, cut to 60 characters for a message */
    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** @return a parenthesised hint if the text holds a semicolon or tab, else the empty string */
    static String separatorHint(String text) {
        if (text.indexOf(';') >= 0) {
            return " (the file seems to separate cells with ';'; only commas are supported)";
        }
        return text.indexOf('\t') >= 0 ? " (the file seems to separate cells with tabs; only commas are supported)"
                : "";
    }

    /** @return true for NaN and infinity as Python, NumPy and Java spell them, in any case, with a sign or not */
    static boolean isNonFiniteSpelling(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }
}
