package org.moevoprune.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.moevoprune.api.ClassLabels;

/**
 * The checks {@code prune} makes on its files and data before a search starts, each failing with one line that
 * names the option, the file, the offending row or value, and the fix.
 */
final class DataChecks {

    /**
     * The most classes a head may have: labels are class indices, so a stray large label (an id, a year) would
     * otherwise ask for an output layer of that many units.
     */
    static final int MAX_CLASSES = 65_536;

    private DataChecks() {
    }

    /** Where a labelled split's labels come from: a CSV file (labels in its first column) or an .npy label file. */
    record LabelSource(String option, Path file, boolean npy) {

        /** @return how to find sample {@code i} in the file */
        String locate(int i) {
            return npy ? "labels[" + i + "] of " + file : "data row " + (i + 1) + " (header not counted) of " + file;
        }
    }

    /**
     * @param file the path given with {@code option}
     * @param option the option, e.g. {@code --train}
     * @throws UsageException if it is not a regular file: missing, or a directory (listing feature files in it)
     */
    static void requireFile(Path file, String option) throws UsageException {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            List<String> inside = featureFilesIn(file, option.substring(2));
            throw new UsageException(option + " " + file + " is a directory, but " + option + " takes a feature file"
                    + (inside.isEmpty() ? " (.csv or .npy), and there is none in it"
                    : ": give one of the files in it, e.g. " + option + " " + file.resolve(inside.get(0))
                    + (inside.size() > 1 ? " (it also holds " + String.join(", ", inside.subList(1, inside.size()))
                    + ")" : "")));
        }
        throw new UsageException(option + " " + file + ": no such file (absolute path " + file.toAbsolutePath()
                + "): check the path and the working directory");
    }

    /** Up to four .csv and .npy files in {@code dir}, those whose name contains {@code hint} first. */
    private static List<String> featureFilesIn(Path dir, String hint) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv") || n.endsWith(".npy"))
                    .sorted(Comparator.comparing((String n) -> !n.contains(hint)).thenComparing(n -> n))
                    .limit(4).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Refuses a class count above {@link #MAX_CLASSES}, naming the split, row and label that caused it.
     *
     * @param train the training labels and their source
     * @param test the evaluation labels and their source
     * @throws IllegalArgumentException if the class count is above the limit
     */
    static void classCount(ClassLabels train, LabelSource trainSource, ClassLabels test, LabelSource testSource) {
        if (train.classCount() <= MAX_CLASSES) {
            return;
        }
        int[] a = train.toArray();
        int[] b = test.toArray();
        int ia = argMax(a);
        int ib = argMax(b);
        boolean inTrain = b.length == 0 || a[ia] >= b[ib];
        int label = inTrain ? a[ia] : b[ib];
        String where = inTrain ? trainSource.locate(ia) : testSource.locate(ib);
        throw new IllegalArgumentException((inTrain ? trainSource : testSource).option() + ": label " + label + " at "
                + where + " makes " + ((long) label + 1) + " classes, more than the " + MAX_CLASSES + " a head may "
                + "have: labels must be class indices 0..C-1; renumber them (e.g. numpy.unique(labels, "
                + "return_inverse=True)) or fix that row");
    }

    /**
     * Refuses an evaluation label that no training sample has: the head could never predict it.
     *
     * @param train the training labels and their source
     * @param test the evaluation labels and their source
     * @throws IllegalArgumentException naming the first such row, its label and the training classes
     */
    static void testLabelsSeenInTraining(ClassLabels train, LabelSource trainSource, ClassLabels test,
            LabelSource testSource) {
        BitSet seen = new BitSet();
        for (int label : train.toArray()) {
            seen.set(label);
        }
        int[] labels = test.toArray();
        for (int i = 0; i < labels.length; i++) {
            if (!seen.get(labels[i])) {
                throw new IllegalArgumentException(testSource.option() + ": label " + labels[i] + " at "
                        + testSource.locate(i) + " is not among the training labels (" + describe(seen) + " in "
                        + trainSource.file() + "): the head cannot learn a class it never sees; add training samples"
                        + " of class " + labels[i] + ", or correct or drop that row");
            }
        }
    }

    /**
     * @param given the {@code --batch-size} value, or {@code null} for the default (clamped to N by the trainer)
     * @param trainRows the training samples N
     * @param trainFile the training file, for the message
     * @throws UsageException if a given batch size exceeds N
     */
    static void batchSize(Integer given, int trainRows, Path trainFile) throws UsageException {
        if (given != null && given > trainRows) {
            throw new UsageException("--batch-size " + given + " is larger than the " + trainRows + " training "
                    + "samples of " + trainFile + ": give at most " + trainRows + " (the reference uses 32)");
        }
    }

    private static int argMax(int[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    /** "0..9" for contiguous classes, else the first few. */
    private static String describe(BitSet classes) {
        int first = classes.nextSetBit(0);
        int last = classes.length() - 1;
        if (classes.cardinality() == last - first + 1) {
            return first == last ? "only " + first : first + ".." + last;
        }
        List<String> shown = new ArrayList<>();
        for (int c = first; c >= 0 && shown.size() < 10; c = classes.nextSetBit(c + 1)) {
            shown.add(Integer.toString(c));
        }
        return shown.size() < classes.cardinality() ? String.join(", ", shown) + ", … (" + classes.cardinality()
                + " classes)" : String.join(", ", shown);
    }
}
