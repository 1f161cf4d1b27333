package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

class FeatureFilesCsvTest {

    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        return write("features.csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private FeatureFileException malformed(Path file, String... fragments) {
        FeatureFileException e = assertThrows(FeatureFileException.class, () -> FeatureFiles.readCsv(file));
        assertMessage(e, file, fragments);
        return e;
    }

    static void assertMessage(FeatureFileException e, Path file, String... fragments) {
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void readsLabelsAndFeaturesWithoutHeader() throws IOException {
        LabelledFeatures data = FeatureFiles.readCsv(csv("1,0.5,-2\n0,3e2,0.125\n2,-0.0,7\n"));
        assertEquals(FeatureMatrix.of(new float[] {0.5f, -2f}, new float[] {300f, 0.125f}, new float[] {-0.0f, 7f}),
                data.features());
        assertEquals(ClassLabels.of(3, 1, 0, 2), data.labels());
    }

    @Test
    void skipsNamedHeader() throws IOException {
        LabelledFeatures data = FeatureFiles.readCsv(csv("label,f1,f2\n1,0.5,2\n"));
        assertEquals(1, data.size());
        assertArrayEquals(new float[] {0.5f, 2f}, data.features().row(0));
    }

    @Test
    void skipsHeaderWhoseFeatureNamesAreNotNumbersEvenIfTheLabelNameIsEmpty() throws IOException {
        LabelledFeatures data = FeatureFiles.readCsv(csv(",a,b\n1,0.5,2\n"));
        assertEquals(1, data.size());
    }

    @Test
    void skipsPandasDefaultIntegerHeaderOfAWideFrame() throws IOException {
        LabelledFeatures data = FeatureFiles.readCsv(csv("0,1,2,3,4,5,6,7\n1.0,1,2,3,4,5,6,7\n0.0,1,1,1,1,1,1,1\n"));
        assertEquals(2, data.size());
        assertEquals(ClassLabels.of(2, 1, 0), data.labels());
        FeatureMatrix unlabelled = FeatureFiles.readCsvFeatures(csv("1,2,3,4,5,6,7,8\n0,0,0,0,0,0,0,0\n"), false);
        assertEquals(1, unlabelled.rows());
    }

    @Test
    void shortCountingFirstLineIsData() throws IOException {
        LabelledFeatures data = FeatureFiles.readCsv(csv("0,1,2\n1,3,4\n"));
        assertEquals(2, data.size());
        assertArrayEquals(new float[] {1f, 2f}, data.features().row(0));
    }

    @Test
    void firstLineWithNegativeLabelIsDataAndReportedNotSkippedAsHeader() throws IOException {
        malformed(csv("-1,0.5\n0,1\n"), "line 1", "label '-1' is negative");
    }

    @Test
    void toleratesBomCrlfSpacesAndTrailingBlankLines() throws IOException {
        byte[] text = "\uFEFFlabel,f1\r\n 0 , 1.5 \r\n1,\t2\r\n\r\n\n  \n".getBytes(StandardCharsets.UTF_8);
        LabelledFeatures data = FeatureFiles.readCsv(write("bom.csv", text));
        assertEquals(FeatureMatrix.of(new float[] {1.5f}, new float[] {2f}), data.features());
        assertEquals(ClassLabels.of(2, 0, 1), data.labels());
    }

    @Test
    void lastLineWithoutNewlineIsRead() throws IOException {
        assertEquals(2, FeatureFiles.readCsv(csv("0,1\n1,2")).size());
    }

    @Test
    void acceptsIntegralFloatLabelsAsPandasWritesThem() throws IOException {
        assertEquals(ClassLabels.of(4, 3, 0), FeatureFiles.readCsv(csv("3.0,1\n0.00,2\n")).labels());
        assertEquals(ClassLabels.of(3, 2, 0), FeatureFiles.readCsv(csv("2.000e+00,1\n0e0,2\n")).labels());
    }

    @Test
    void explicitClassCountKeepsClassesMissingFromTheSplit() throws IOException {
        assertEquals(ClassLabels.of(10, 1, 0), FeatureFiles.readCsv(csv("1,1\n0,2\n"), 10).labels());
    }

    @Test
    void readsAFileLongerThanTheReadBuffer() throws IOException {
        StringBuilder text = new StringBuilder("label");
        int columns = 3000;
        for (int j = 0; j < columns; j++) {
            text.append(",f").append(j);
        }
        text.append('\n');
        for (int r = 0; r < 20; r++) {
            text.append(r % 3);
            for (int j = 0; j < columns; j++) {
                text.append(',').append(r * columns + j).append(".25");
            }
            text.append('\n');
        }
        LabelledFeatures data = FeatureFiles.readCsv(csv(text.toString()));
        assertEquals(20, data.size());
        assertEquals(columns, data.featureCount());
        assertEquals(19 * columns + 2999.25f, data.features().get(19, 2999));
    }

    @Test
    void keepsEveryLabelOfAManyRowFile() throws IOException {
        StringBuilder text = new StringBuilder();
        int rows = 5000;
        for (int r = 0; r < rows; r++) {
            text.append(r % 7).append(',').append(r).append('\n');
        }
        LabelledFeatures data = FeatureFiles.readCsv(csv(text.toString()));
        for (int r = 0; r < rows; r++) {
            assertEquals(r % 7, data.labels().label(r));
            assertEquals(r, data.features().get(r, 0));
        }
    }

    @Test
    void readsFeaturesIgnoringATextLabelColumn() throws IOException {
        FeatureMatrix features = FeatureFiles.readCsvFeatures(csv("cat,0.5,1\ndog,2,3\n"), true);
        assertEquals(FeatureMatrix.of(new float[] {0.5f, 1f}, new float[] {2f, 3f}), features);
    }

    @Test
    void readsFeaturesWithoutLabelColumn() throws IOException {
        assertEquals(FeatureMatrix.of(new float[] {0.5f, 1f}, new float[] {2f, 3f}),
                FeatureFiles.readCsvFeatures(csv("f1,f2\n0.5,1\n2,3\n"), false));
        assertEquals(FeatureMatrix.of(new float[] {0.5f}), FeatureFiles.readCsvFeatures(csv("0.5\n"), false));
    }

    @Test
    void raggedRowNamesLineAndBothCounts() throws IOException {
        malformed(csv("label,f1,f2\n0,1,2\n1,3\n"), "line 3 has 2 cells", "line 2", "has 3 (a label + 2 features)");
        malformed(csv("0,1,2\n1,3,4,5,6\n"), "line 2 has 5 cells", "has 3");
    }

    @Test
    void nonNumericCellNamesLineAndColumn() throws IOException {
        malformed(csv("label,f1,f2\n0,1,2\n1,3,abc\n"), "line 3, column 3 (feature 2)", "'abc'", "not a number");
    }

    @Test
    void semicolonSeparatedFileGetsAHint() throws IOException {
        malformed(csv("label;f1\n0;1,5\n"), "line 1", "';'", "commas");
        malformed(csv("0;1,5;2\n"), "line 1 holds '0;1'", "';'");
        malformed(csv("0\t1\t2\n"), "line 1", "tabs");
        malformed(csv("0,1\n1,2;3\n"), "line 2, column 2", "';'");
    }

    @Test
    void emptyCellIsAnError() throws IOException {
        malformed(csv("0,1,,2\n"), "line 1, column 3", "is empty");
    }

    @Test
    void nanAndInfinityAreErrors() throws IOException {
        malformed(csv("0,1\n1,NaN\n"), "line 2, column 2", "'NaN'", "not finite");
        malformed(csv("0,1\n1,-inf\n"), "line 2, column 2", "not finite");
        malformed(csv("0,1\n1,1e39\n"), "line 2, column 2", "beyond the float range");
    }

    @Test
    void badLabelsAreErrors() throws IOException {
        malformed(csv("0,1\n-2,1\n"), "line 2", "label '-2' is negative");
        malformed(csv("0,1\n2.5,1\n"), "line 2", "label '2.5' is not an integer");
        malformed(csv("0,1\n2.5e0,1\n"), "line 2", "label '2.5e0' is not an integer");
        malformed(csv("0,1\ncat,1\n"), "line 2", "label 'cat' is not a number");
        malformed(csv("0,1\n99999999999,1\n"), "line 2", "is too large");
    }

    @Test
    void labelAtOrAboveExplicitClassCountIsAnError() throws IOException {
        Path file = csv("0,1\n3,1\n");
        FeatureFileException e = assertThrows(FeatureFileException.class, () -> FeatureFiles.readCsv(file, 3));
        assertMessage(e, file, "line 2", "label 3 is not below the class count 3");
    }

    @Test
    void emptyFileAndHeaderOnlyAreEmptySplits() throws IOException {
        assertTrue(malformed(csv(""), "no data rows").getMessage().endsWith("no data rows: an empty split cannot "
                + "train or evaluate a head; export at least one sample"));
        assertTrue(malformed(csv("\n\n"), "no data rows").getMessage().contains("rows: an empty split"));
        malformed(csv("label,f1,f2\n"), "no data rows after the header");
    }

    @Test
    void blankLineInsideTheDataIsAnError() throws IOException {
        malformed(csv("0,1\n\n1,2\n"), "line 2 is blank but line 3 holds data");
    }

    @Test
    void rowWithoutFeaturesIsAnError() throws IOException {
        malformed(csv("0\n1\n"), "line 1 has a label but no feature values");
    }

    @Test
    void utf16IsRejectedWithAFix() throws IOException {
        malformed(write("u16.csv", "0,1\n".getBytes(StandardCharsets.UTF_16)), "UTF-16", "UTF-8");
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nope.csv");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> FeatureFiles.readCsv(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no such feature file"), e.getMessage());
    }

    @Test
    void directoryIsRejected() {
        FeatureFileException e = assertThrows(FeatureFileException.class, () -> FeatureFiles.readCsv(dir));
        assertMessage(e, dir, "is a directory");
    }

    @Test
    void invalidClassCountIsRejected() throws IOException {
        Path file = csv("0,1\n");
        assertThrows(IllegalArgumentException.class, () -> FeatureFiles.readCsv(file, 0));
    }

    @Test
    void writerWritesHeaderAndReadsBack() throws IOException {
        LabelledFeatures data = new LabelledFeatures(
                FeatureMatrix.of(new float[] {Float.MIN_VALUE, -Float.MAX_VALUE}, new float[] {1e-10f, 0.1f}),
                ClassLabels.of(5, 4, 0));
        Path file = dir.resolve("out.csv");
        FeatureFiles.writeCsv(file, data);
        assertTrue(Files.readAllLines(file).get(0).equals("label,f1,f2"));
        assertEquals(data, FeatureFiles.readCsv(file, 5));
    }
}
