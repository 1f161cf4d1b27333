package org.moevoprune.core.report;

import java.util.List;
import java.util.Locale;

/** Escaping and small builders of the report's HTML. Stateless. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    static String number(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String signed(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%+.4f", value);
    }

    /** A number without a needless fraction: 1000.0 as "1000", 0.5 as "0.5". */
    static String decimal(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** A table; cells are already HTML, so callers escape text. */
    static String table(String cssClass, List<String> header, List<List<String>> rows) {
        StringBuilder s = new StringBuilder("<table class=\"").append(cssClass).append("\">\n<thead><tr>");
        header.forEach(h -> s.append("<th>").append(h).append("</th>"));
        s.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            s.append("<tr>");
            row.forEach(cell -> s.append("<td>").append(cell).append("</td>"));
            s.append("</tr>\n");
        }
        return s.append("</tbody>\n</table>\n").toString();
    }

    static String keyValues(List<String[]> pairs) {
        StringBuilder s = new StringBuilder("<table class=\"settings\">\n<tbody>\n");
        for (String[] pair : pairs) {
            s.append("<tr><th>").append(escape(pair[0])).append("</th><td>").append(escape(pair[1]))
                    .append("</td></tr>\n");
        }
        return s.append("</tbody>\n</table>\n").toString();
    }
}
