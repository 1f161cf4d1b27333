package org.moevoprune.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;

/**
 * A single-pass scanner for feature CSV files over the raw bytes: cells are split at commas and line feeds inside
 * a reused buffer and parsed in place by {@link DecimalParser}, so no regular expression, split or per-cell string
 * is involved. The format is described in {@link FeatureFiles}. One instance reads one file; not thread-safe.
 */
final class CsvReader {

    /** What the first column holds. */
    enum LabelColumn {
        /** Class labels, parsed and checked. */
        READ,
        /** Anything (for example another data set's labels); skipped unread. */
        SKIP,
        /** There is no label column; every cell is a feature. */
        NONE
    }

    /** The result: labels are null unless the label column was {@link LabelColumn#READ}. */
    record Parsed(FeatureMatrix features, ClassLabels labels) {
    }

    private static final int COMMA = 0;
    private static final int END_OF_LINE = 1;
    private static final int END_OF_FILE = 2;
    private static final int MAX_CELL_BYTES = 1 << 20;
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private final Path file;
    private final LabelColumn labelColumn;
    private final int featureOffset;
    private final int classCount;
    private final FileChannel channel;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] cell = new byte[64];
    private int cellStart;
    private int cellEnd;
    private int line = 1;
    private int blankLine;
    private int cellsPerRow = -1;
    private int firstDataLine;
    private final FloatAccumulator values = new FloatAccumulator();
    private int[] labels = new int[1024];
    private int rows;
    private int maxLabel = -1;

    private CsvReader(Path file, LabelColumn labelColumn, int classCount, FileChannel channel) {
        this.file = file;
        this.labelColumn = labelColumn;
        this.featureOffset = labelColumn == LabelColumn.NONE ? 0 : 1;
        this.classCount = classCount;
        this.channel = channel;
    }

    /**
     * @param file the CSV file
     * @param labelColumn what the first column holds
     * @param classCount the number of classes, or 0 to use the largest label + 1
     * @return the features, and the labels if read
     * @throws FeatureFileException if the content is malformed
     * @throws IOException if the file cannot be read
     */
    static Parsed read(Path file, LabelColumn labelColumn, int classCount) throws IOException {
        try (FileChannel channel = Inputs.open(file)) {
            return new CsvReader(file, labelColumn, classCount, channel).parse();
        }
    }

    private Parsed parse() throws IOException {
        long dataStart = skipByteOrderMark();
        List<String> firstLine = readLineCells();
        requireCommaSeparated(firstLine);
        boolean header = isHeader(firstLine);
        if (header) {
            line = 2;
        } else {
            channel.position(dataStart);
            position = 0;
            limit = 0;
        }
        while (readDataLine()) {
            // Each call consumes one line.
        }
        if (rows == 0) {
            throw new FeatureFileException(file, "the file has no data rows" + (header ? " after the header" : "")
                    + ": an empty split cannot train or evaluate a head; export at least one sample");
        }
        FeatureMatrix features = FeatureMatrix.wrap(values.toArray(), rows, cellsPerRow - featureOffset);
        if (labelColumn != LabelColumn.READ) {
            return new Parsed(features, null);
        }
        return new Parsed(features, ClassLabels.of(classCount > 0 ? classCount : maxLabel + 1,
                Arrays.copyOf(labels, rows)));
    }

    /**
     * The first line is a header when its first feature cell, or its label cell if labels are read, is text rather
     * than a number, or when it has at least {@value CsvText#MIN_COUNTING_HEADER} cells counting 0, 1, 2, … or
     * 1, 2, 3, ….
     */
    private boolean isHeader(List<String> cells) {
        if (labelColumn == LabelColumn.READ && CsvText.isName(cells.get(0))) {
            return true;
        }
        return (cells.size() > featureOffset && CsvText.isName(cells.get(featureOffset))) || CsvText.countsUp(cells);
    }

    /** @return false when the end of the file is reached */
    private boolean readDataLine() throws IOException {
        int index = 0;
        int terminator;
        do {
            terminator = readCell();
            if (index == 0 && terminator != COMMA && cellStart == cellEnd) {
                return skipBlankLine(terminator);
            }
            if (blankLine != 0) {
                throw new FeatureFileException(file, "line " + blankLine + " is blank but line " + line
                        + " holds data: remove the blank lines inside the data (blank lines at the end are fine)");
            }
            if (cellsPerRow >= 0 && index >= cellsPerRow) {
                throw raggedRow(index + 1 + (terminator == COMMA ? countRemainingCells() : 0));
            }
            acceptCell(index++);
        } while (terminator == COMMA);
        endRow(index);
        return terminator != END_OF_FILE;
    }

    private boolean skipBlankLine(int terminator) {
        if (terminator == END_OF_FILE) {
            return false;
        }
        if (blankLine == 0) {
            blankLine = line;
        }
        line++;
        return true;
    }

    private void endRow(int cells) throws FeatureFileException {
        if (cellsPerRow < 0) {
            if (cells <= featureOffset) {
                throw new FeatureFileException(file, "line " + line + " has a label but no feature values: write "
                        + "label,f1,…,fF with at least one feature per row");
            }
            cellsPerRow = cells;
            firstDataLine = line;
        } else if (cells != cellsPerRow) {
            throw raggedRow(cells);
        }
        if (values.size() > MAX_VALUES) {
            throw new FeatureFileException(file, "more than " + MAX_VALUES + " feature values by line " + line
                    + ": too many for one Java array; split the data set into several files");
        }
        rows++;
        line++;
    }

    private FeatureFileException raggedRow(int cells) {
        String expected = featureOffset == 0 ? cellsPerRow + " features"
                : "a label + " + (cellsPerRow - featureOffset) + " features";
        return new FeatureFileException(file, "line " + line + " has " + cells + " cells but the first data row (line "
                + firstDataLine + ") has " + cellsPerRow + " (" + expected + "): every row needs the same number of "
                + "cells; fix or remove line " + line);
    }

    private int countRemainingCells() throws IOException {
        int count = 0;
        int terminator;
        do {
            terminator = readCell();
            count++;
        } while (terminator == COMMA);
        return count;
    }

    private void acceptCell(int index) throws FeatureFileException {
        if (index >= featureOffset) {
            values.add(parseFeature(index));
        } else if (labelColumn == LabelColumn.READ) {
            if (rows == labels.length) {
                labels = Arrays.copyOf(labels, 2 * labels.length);
            }
            labels[rows] = parseLabel();
        }
    }

    private float parseFeature(int index) throws FeatureFileException {
        float value = DecimalParser.parse(cell, cellStart, cellEnd - cellStart);
        if (Float.isFinite(value)) {
            return value;
        }
        String where = "line " + line + ", column " + (index + 1) + " (feature " + (index + 1 - featureOffset) + ")";
        String text = cellText();
        if (text.isEmpty()) {
            throw new FeatureFileException(file, where + " is empty: every cell needs a number (two commas in a row,"
                    + " or a comma at the end of a line, leave a cell empty)");
        }
        if (CsvText.isNonFiniteSpelling(text)) {
            throw new FeatureFileException(file, where + " holds '" + text + "', which is not finite: remove or "
                    + "impute NaN and infinite features before exporting");
        }
        if (!Float.isNaN(value)) {
            throw new FeatureFileException(file, where + " holds '" + text + "', which is beyond the float range "
                    + "±3.4e38: rescale the features");
        }
        throw new FeatureFileException(file, where + " holds '" + text + "', which is not a number: feature cells "
                + "must be decimal numbers such as 0.25 or -1.5e-3" + CsvText.separatorHint(text));
    }

    private int parseLabel() throws FeatureFileException {
        long value = 0;
        int i = cellStart;
        for (; i < cellEnd && cell[i] >= '0' && cell[i] <= '9' && value <= Integer.MAX_VALUE; i++) {
            value = 10 * value + (cell[i] - '0');
        }
        boolean integral = i > cellStart;
        if (integral && i < cellEnd && cell[i] == '.') {
            for (i++; i < cellEnd && cell[i] == '0'; i++) {
                // "3.0" is how pandas writes an integer label stored in a float column.
            }
        }
        if (!integral || i != cellEnd || value >= Integer.MAX_VALUE) {
            value = integralValue();
        }
        if (classCount > 0 && value >= classCount) {
            throw new FeatureFileException(file, "line " + line + ": label " + value + " is not below the class count "
                    + classCount + ": labels must be 0.." + (classCount - 1)
                    + "; fix the label or raise the class count");
        }
        maxLabel = Math.max(maxLabel, (int) value);
        return (int) value;
    }

    /** Labels written as decimals, e.g. by numpy.savetxt's default {@code %.18e}: "2.000000000000000000e+00". */
    private long integralValue() throws FeatureFileException {
        if (Float.isNaN(DecimalParser.parse(cell, cellStart, cellEnd - cellStart))) {
            throw badLabel(Double.NaN);
        }
        double value = Double.parseDouble(cellText());
        if (value != Math.rint(value) || value < 0 || value >= Integer.MAX_VALUE) {
            throw badLabel(value);
        }
        return (long) value;
    }

    private FeatureFileException badLabel(double value) {
        String text = cellText();
        String problem = text.isEmpty() ? "is empty"
                : Double.isNaN(value) ? "is not a number" + CsvText.separatorHint(text)
                : value < 0 ? "is negative"
                : value >= Integer.MAX_VALUE ? "is too large"
                : "is not an integer";
        return new FeatureFileException(file, "line " + line + ", column 1: label '" + text + "' " + problem
                + ": the first column must hold the class index 0, 1, 2, … of each row (map class names to indices "
                + "before exporting, or read unlabelled data with readCsvFeatures)");
    }

    /** A semicolon or tab inside a cell of the first line means another separator; fail before guessing a header. */
    private void requireCommaSeparated(List<String> cells) throws FeatureFileException {
        for (String cell : cells) {
            String hint = CsvText.separatorHint(cell);
            if (!hint.isEmpty()) {
                throw new FeatureFileException(file, "line 1 holds '" + CsvText.abbreviate(cell) + "'" + hint
                        + ": export the file with commas between cells and '.' as the decimal point");
            }
        }
    }

    /** @return the cells of the current line as text; the line's terminator is consumed */
    private List<String> readLineCells() throws IOException {
        List<String> cells = new ArrayList<>();
        int terminator;
        do {
            terminator = readCell();
            cells.add(cellText());
        } while (terminator == COMMA);
        return cells;
    }

    /** Reads up to the next comma, line feed or end of file; the cell is {@code cell[cellStart, cellEnd)}. */
    private int readCell() throws IOException {
        int length = 0;
        while (position < limit || fill()) {
            int end = position;
            while (end < limit && buffer[end] != ',' && buffer[end] != '\n') {
                end++;
            }
            length = append(length, end);
            if (end < limit) {
                position = end + 1;
                trim(length);
                return buffer[end] == ',' ? COMMA : END_OF_LINE;
            }
            position = end;
        }
        trim(length);
        return END_OF_FILE;
    }

    private int append(int length, int end) throws FeatureFileException {
        int count = end - position;
        if (length + count > cell.length) {
            if (length + count > MAX_CELL_BYTES) {
                throw new FeatureFileException(file, "line " + line + " has a cell longer than " + MAX_CELL_BYTES
                        + " bytes: this is not a CSV file of numbers separated by commas");
            }
            cell = Arrays.copyOf(cell, Math.max(2 * cell.length, length + count));
        }
        System.arraycopy(buffer, position, cell, length, count);
        return length + count;
    }

    /** White space and the carriage return of CRLF line ends are not part of a cell. */
    private void trim(int length) {
        cellStart = 0;
        cellEnd = length;
        while (cellStart < cellEnd && isBlank(cell[cellStart])) {
            cellStart++;
        }
        while (cellEnd > cellStart && isBlank(cell[cellEnd - 1])) {
            cellEnd--;
        }
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private String cellText() {
        return new String(cell, cellStart, cellEnd - cellStart, StandardCharsets.UTF_8);
    }

    private boolean fill() throws IOException {
        int read = channel.read(ByteBuffer.wrap(buffer));
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    /** @return the offset of the first byte after a UTF-8 byte order mark, if any */
    private long skipByteOrderMark() throws IOException {
        fill();
        if (limit >= 2 && ((buffer[0] == (byte) 0xFF && buffer[1] == (byte) 0xFE)
                || (buffer[0] == (byte) 0xFE && buffer[1] == (byte) 0xFF))) {
            throw new FeatureFileException(file, "the file is UTF-16 text: save it as UTF-8 or ASCII");
        }
        if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            position = 3;
        }
        return position;
    }
}
