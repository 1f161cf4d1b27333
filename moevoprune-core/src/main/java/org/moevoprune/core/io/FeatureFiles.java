package org.moevoprune.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/**
 * Reads and writes features extracted elsewhere (Python, another JVM tool) as CSV files, NumPy {@code .npy} files
 * and NumPy {@code .npz} archives.
 * Every file is read fully into memory as {@code float}s.
 *
 * <h2>CSV</h2>
 * One sample per line: {@code label,f1,…,fF} (or {@code f1,…,fF} for unlabelled data), cells separated by commas,
 * lines ended by LF or CRLF, ASCII or UTF-8 with an optional byte order mark. Spaces and tabs around a cell are
 * ignored. Blank lines at the end are ignored; blank lines between data rows are an error.
 * <ul>
 *   <li><b>Header:</b> the first line is a header, and skipped, when its first feature cell (or, for labelled
 *       reads, its label cell) is text rather than a number, or when it has at least 8 cells that count
 *       {@code 0,1,2,…} or {@code 1,2,3,…} (pandas' default column names). Name the columns, e.g.
 *       {@code label,f1,f2}, and the header is always recognised; a shorter or other header of numbers cannot be
 *       told from data.</li>
 *   <li><b>Labels:</b> class indices {@code 0, 1, 2, …}; {@code 3.0} is accepted for {@code 3} (pandas writes
 *       integer labels of a float column so). The class count is the largest label + 1 unless given.</li>
 *   <li><b>Features:</b> decimal numbers such as {@code 0.25}, {@code -1.5e-3}; every row has the same number;
 *       NaN, infinities, empty and non-numeric cells are errors.</li>
 * </ul>
 * Write CSV files from pandas with {@code index=False}; an index column would be read as the label.
 *
 * <h2>NumPy</h2>
 * Files written by {@code numpy.save}, format versions 1.0, 2.0 and 3.0: features as a 2-D array of
 * {@code <f4, >f4, <f8, >f8} (float64 is rounded to float32), in C or Fortran order; labels as a 1-D array of
 * {@code i1, i2, i4, i8, u1, u2, u4, u8} in either byte order, or of floats whose values are all integral.
 *
 * <h2>NumPy archives</h2>
 * {@code .npz} files written by {@code numpy.savez} (stored entries) or {@code numpy.savez_compressed} (deflated
 * entries): a zip archive of {@code .npy} entries, each read as above. The features and labels are the arrays of
 * the keys given, or else of the first pair present among {@code (features, labels)}, {@code (x, y)},
 * {@code (X, y)} and {@code (arr_0, arr_1)} (the names {@code numpy.savez(f, x, y)} gives); other entries are
 * ignored. A features-only read takes the first of those feature keys present, or the archive's only array. Sizes
 * declared in the archive or the {@code .npy} headers are never trusted: memory is taken as the data arrives, and
 * each entry's CRC-32 is checked. {@link #writeNpz} writes what {@code numpy.load} reads:
 * {@code features} ({@code <f4}), {@code labels} ({@code <i4}) and optionally {@code class_names} (a unicode array).
 *
 * <h2>Errors</h2>
 * Malformed content throws {@link FeatureFileException}, whose message names the file, the line or element, the
 * expected and the actual shape, and the fix. A missing file throws {@link java.nio.file.NoSuchFileException} with
 * the absolute path. Errors about an archive entry name the file and the entry. Writers replace their target atomically: a failed write leaves an existing file as it was.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeatureFiles {

    private FeatureFiles() {
    }

    /**
     * Reads a labelled CSV file; the class count is the largest label + 1.
     *
     * @param file {@code label,f1,…,fF} lines, with or without a header
     * @return the features and labels
     * @throws FeatureFileException if the content is malformed or has no data rows
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static LabelledFeatures readCsv(Path file) throws IOException {
        return labelled(CsvReader.read(file, CsvReader.LabelColumn.READ, 0));
    }

    /**
     * Reads a labelled CSV file with a known number of classes, for a split that may lack some classes.
     *
     * @param file {@code label,f1,…,fF} lines, with or without a header
     * @param classCount the number of classes, ≥ 1; every label must be below it
     * @return the features and labels
     * @throws IllegalArgumentException if {@code classCount < 1}
     * @throws FeatureFileException if the content is malformed, has no data rows, or a label is too large
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static LabelledFeatures readCsv(Path file, int classCount) throws IOException {
        return labelled(CsvReader.read(file, CsvReader.LabelColumn.READ, requireClassCount(classCount)));
    }

    /**
     * Reads the features of a CSV file, ignoring labels: for an out-of-distribution split.
     *
     * @param file the CSV file, with or without a header
     * @param hasLabelColumn true if the first column holds labels (of anything, even text; it is skipped unread),
     *        false if every column is a feature
     * @return the features
     * @throws FeatureFileException if the content is malformed or has no data rows
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static FeatureMatrix readCsvFeatures(Path file, boolean hasLabelColumn) throws IOException {
        CsvReader.LabelColumn column = hasLabelColumn ? CsvReader.LabelColumn.SKIP : CsvReader.LabelColumn.NONE;
        return CsvReader.read(file, column, 0).features();
    }

    /**
     * Reads a 2-D feature array from an {@code .npy} file.
     *
     * @param file written by {@code numpy.save(file, x)} with {@code x.shape == (samples, features)}
     * @return the features; float64 values are rounded to float32
     * @throws FeatureFileException if the file is not a valid {@code .npy} file, is truncated, is not a 2-D float
     *         array, is empty or holds NaN or infinite values
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static FeatureMatrix readNpyFeatures(Path file) throws IOException {
        return NpyReader.readFeatures(file);
    }

    /**
     * Reads a 1-D label array from an {@code .npy} file; the class count is the largest label + 1.
     *
     * @param file written by {@code numpy.save(file, y)} with {@code y.shape == (samples,)}
     * @return the labels
     * @throws FeatureFileException if the file is not a valid {@code .npy} file, is truncated, is not a 1-D integer
     *         (or integral float) array, is empty, or holds a negative label
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static ClassLabels readNpyLabels(Path file) throws IOException {
        return NpyReader.readLabels(file, 0);
    }

    /**
     * Reads a 1-D label array from an {@code .npy} file with a known number of classes.
     *
     * @param file written by {@code numpy.save(file, y)} with {@code y.shape == (samples,)}
     * @param classCount the number of classes, ≥ 1; every label must be below it
     * @return the labels
     * @throws IllegalArgumentException if {@code classCount < 1}
     * @throws FeatureFileException as {@link #readNpyLabels(Path)}, or if a label is not below the class count
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static ClassLabels readNpyLabels(Path file, int classCount) throws IOException {
        return NpyReader.readLabels(file, requireClassCount(classCount));
    }

    /**
     * Reads features and labels from two {@code .npy} files; the class count is the largest label + 1.
     *
     * @param features the 2-D feature array, see {@link #readNpyFeatures(Path)}
     * @param labels the 1-D label array, see {@link #readNpyLabels(Path)}
     * @return the labelled features
     * @throws FeatureFileException if either file is malformed or their sample counts differ
     * @throws java.nio.file.NoSuchFileException if a file does not exist
     * @throws IOException if a file cannot be read
     */
    public static LabelledFeatures readNpy(Path features, Path labels) throws IOException {
        return join(features, readNpyFeatures(features), labels, readNpyLabels(labels));
    }

    /**
     * Reads features and labels from two {@code .npy} files with a known number of classes.
     *
     * @param features the 2-D feature array, see {@link #readNpyFeatures(Path)}
     * @param labels the 1-D label array, see {@link #readNpyLabels(Path, int)}
     * @param classCount the number of classes, ≥ 1
     * @return the labelled features
     * @throws IllegalArgumentException if {@code classCount < 1}
     * @throws FeatureFileException if either file is malformed, a label is too large, or the sample counts differ
     * @throws java.nio.file.NoSuchFileException if a file does not exist
     * @throws IOException if a file cannot be read
     */
    public static LabelledFeatures readNpy(Path features, Path labels, int classCount) throws IOException {
        return join(features, readNpyFeatures(features), labels, readNpyLabels(labels, classCount));
    }

    /**
     * Reads features and labels from an {@code .npz} archive, by the default keys (see the class comment); the class
     * count is the largest label + 1.
     *
     * @param file written by e.g. {@code numpy.savez(file, features=x, labels=y)}
     * @return the labelled features
     * @throws FeatureFileException if the file is not a zip archive, no default key pair is present, an entry is
     *         malformed or damaged, or the sample counts differ
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static LabelledFeatures readNpz(Path file) throws IOException {
        return NpzReader.read(Objects.requireNonNull(file, "file"), null, null, 0);
    }

    /**
     * Reads features and labels from an {@code .npz} archive, by the default keys, with a known number of classes.
     *
     * @param file the archive
     * @param classCount the number of classes, ≥ 1; every label must be below it
     * @return the labelled features
     * @throws IllegalArgumentException if {@code classCount < 1}
     * @throws FeatureFileException as {@link #readNpz(Path)}, or if a label is not below the class count
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static LabelledFeatures readNpz(Path file, int classCount) throws IOException {
        return NpzReader.read(Objects.requireNonNull(file, "file"), null, null, requireClassCount(classCount));
    }

    /**
     * Reads features and labels from the named arrays of an {@code .npz} archive, e.g. Keras' {@code mnist.npz}
     * with keys {@code x_train} and {@code y_train}.
     *
     * @param file the archive
     * @param featuresKey the key of the 2-D feature array (with or without {@code .npy})
     * @param labelsKey the key of the 1-D label array
     * @param classCount the number of classes, ≥ 1, or 0 for the largest label + 1
     * @return the labelled features
     * @throws IllegalArgumentException if {@code classCount < 0}
     * @throws FeatureFileException if the file is not a zip archive, a key is missing, an entry is malformed or
     *         damaged, a label is not below the class count, or the sample counts differ
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static LabelledFeatures readNpz(Path file, String featuresKey, String labelsKey, int classCount)
            throws IOException {
        Objects.requireNonNull(featuresKey, "featuresKey");
        Objects.requireNonNull(labelsKey, "labelsKey");
        if (classCount < 0) {
            throw new IllegalArgumentException("class count must be ≥ 1 (or 0 for the largest label + 1), got "
                    + classCount);
        }
        return NpzReader.read(Objects.requireNonNull(file, "file"), featuresKey, labelsKey, classCount);
    }

    /**
     * Reads only the features of an {@code .npz} archive: for an out-of-distribution split.
     *
     * @param file the archive
     * @param featuresKey the key of the 2-D feature array, or null for the first default feature key present (or
     *        the archive's only array)
     * @return the features
     * @throws FeatureFileException if the file is not a zip archive, the key is missing, or the entry is malformed
     *         or damaged
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static FeatureMatrix readNpzFeatures(Path file, String featuresKey) throws IOException {
        return NpzReader.readFeatures(Objects.requireNonNull(file, "file"), featuresKey);
    }

    /**
     * @param file an {@code .npz} archive
     * @return the keys of its arrays, in archive order
     * @throws FeatureFileException if the file is not a zip archive
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static List<String> npzKeys(Path file) throws IOException {
        return NpzReader.keys(Objects.requireNonNull(file, "file"));
    }

    /**
     * Writes an {@code .npz} archive as {@code numpy.savez(file, features=x, labels=y, class_names=names)} would:
     * stored entries, features {@code <f4}, labels {@code <i4}.
     *
     * @param file the target; replaced atomically, its directory must exist
     * @param data the features and labels
     * @param classNames the class names, one per class, or null to write none
     * @throws IllegalArgumentException if there are class names but not one per class
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void writeNpz(Path file, LabelledFeatures data, List<String> classNames) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(data, "data");
        if (classNames != null && classNames.size() != data.classCount()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + data.classCount()
                    + " classes: give one name per class");
        }
        NpzWriter.write(file, data.features(), data.labels(), classNames == null ? null : List.copyOf(classNames));
    }

    /**
     * Writes features without labels as an {@code .npz} archive with the one array {@code features}.
     *
     * @param file the target; replaced atomically, its directory must exist
     * @param features the features
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void writeNpz(Path file, FeatureMatrix features) throws IOException {
        Objects.requireNonNull(file, "file");
        NpzWriter.write(file, Objects.requireNonNull(features, "features"), null, null);
    }

    /**
     * Writes a labelled CSV file with the header {@code label,f1,…,fF}; every value reads back bit-identically.
     * The class count is not stored: read the file back with {@link #readCsv(Path, int)} to keep it.
     *
     * @param file the target; replaced atomically, its directory must exist
     * @param data the samples
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void writeCsv(Path file, LabelledFeatures data) throws IOException {
        Objects.requireNonNull(file, "file");
        CsvWriter.write(file, Objects.requireNonNull(data, "data"));
    }

    /**
     * Writes features as a 2-D little-endian float32 ({@code <f4}) array, {@code .npy} format 1.0, that
     * {@code numpy.load} reads.
     *
     * @param file the target; replaced atomically, its directory must exist
     * @param features the features
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void writeNpy(Path file, FeatureMatrix features) throws IOException {
        Objects.requireNonNull(file, "file");
        NpyWriter.writeFeatures(file, Objects.requireNonNull(features, "features"));
    }

    /**
     * Writes labels as a 1-D little-endian int32 ({@code <i4}) array, {@code .npy} format 1.0. The class count is
     * not stored: read back with {@link #readNpyLabels(Path, int)} to keep it.
     *
     * @param file the target; replaced atomically, its directory must exist
     * @param labels the labels
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void writeNpyLabels(Path file, ClassLabels labels) throws IOException {
        Objects.requireNonNull(file, "file");
        NpyWriter.writeLabels(file, Objects.requireNonNull(labels, "labels"));
    }

    private static LabelledFeatures labelled(CsvReader.Parsed parsed) {
        return new LabelledFeatures(parsed.features(), parsed.labels());
    }

    private static LabelledFeatures join(Path featureFile, FeatureMatrix features, Path labelFile,
                                         ClassLabels labels) throws FeatureFileException {
        if (features.rows() != labels.size()) {
            throw new FeatureFileException(labelFile, "has " + labels.size() + " labels but the features in "
                    + featureFile + " have " + features.rows() + " rows: save the labels of exactly these samples, in "
                    + "the same order");
        }
        return new LabelledFeatures(features, labels);
    }

    private static int requireClassCount(int classCount) {
        if (classCount < 1) {
            throw new IllegalArgumentException("class count must be ≥ 1, got " + classCount);
        }
        return classCount;
    }
}
