package org.moevoprune.core.result;

import java.util.ArrayList;
import java.util.List;

/** The cells of one line of the result CSVs: commas separate, double quotes quote (RFC 4180). Stateless. */
final class CsvCells {

    private CsvCells() {
    }

    /** @return the cell as written: quoted (quotes doubled) if it holds a comma or quote; line breaks as spaces */
    static String quote(String cell) {
        String flat = cell.replace('\r', ' ').replace('\n', ' ');
        if (flat.indexOf(',') < 0 && flat.indexOf('"') < 0) {
            return flat;
        }
        return '"' + flat.replace("\"", "\"\"") + '"';
    }

    /**
     * @param line one line
     * @return its cells, unquoted
     * @throws IllegalArgumentException if a quoted cell is not closed or text follows its closing quote
     */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder cell = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("a quoted cell is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c == '"' && i < line.length() && line.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        break;
                    } else {
                        cell.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after the closing quote of cell " + (cells.size() + 1));
                }
            } else {
                int end = line.indexOf(',', i);
                end = end < 0 ? line.length() : end;
                cell.append(line, i, end);
                i = end;
            }
            cells.add(cell.toString());
            if (i >= line.length()) {
                return cells;
            }
            i++;
        }
    }
}
