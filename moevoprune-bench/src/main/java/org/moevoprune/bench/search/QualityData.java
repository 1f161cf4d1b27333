package org.moevoprune.bench.search;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.core.io.FeatureFileBackbone;
import org.moevoprune.core.search.SearchData;

/**
 * The data sets of {@link SearchQuality}: OpenCV's handwritten digits sheet (Debian {@code opencv-doc}, fetched by
 * {@code scripts/fetch-data.sh opencv-digits}) as a small tabular problem, and feature files such as the demo's
 * MobileNetV2 features.
 */
final class QualityData {

    /** The sheet: 50 rows × 100 columns of 20 × 20 pixel digits, 5 rows (500 digits) per digit 0…9. */
    private static final int CELL = 20;
    private static final int POOL = 2;

    private QualityData() {
    }

    /** @return {@code $MOEVOPRUNE_CACHE} or {@code ~/.cache/moevoprune}, the cache of the fetch script */
    static Path cache() {
        String env = System.getenv("MOEVOPRUNE_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache",
                "moevoprune");
    }

    /**
     * Digits 0–4 are the in-distribution classes, digits 5–9 the out-of-distribution set; each 20 × 20 digit is
     * pooled 2 × 2 into 100 features in [0, 1]. Rows are drawn with a fixed seed: {@code train} training and
     * {@code test} evaluation rows (disjoint), and as many OoD rows as evaluation rows.
     *
     * @throws IOException if the sheet is missing (the message names the fetch command) or unreadable
     */
    static SearchData opencvDigits(int train, int test) throws IOException {
        Path sheet = cache().resolve("packages/deb/opencv-doc/usr/share/doc/opencv-doc/examples/data/digits.png");
        if (!Files.isRegularFile(sheet)) {
            throw new IOException("OpenCV's digits sheet is not in the cache (" + sheet + "): run "
                    + "scripts/fetch-data.sh opencv-digits");
        }
        BufferedImage image = ImageIO.read(sheet.toFile());
        int side = CELL / POOL;
        int features = side * side;
        List<float[]> in = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<float[]> out = new ArrayList<>();
        for (int row = 0; row < image.getHeight() / CELL; row++) {
            int digit = row / 5;
            for (int col = 0; col < image.getWidth() / CELL; col++) {
                float[] x = new float[features];
                for (int y = 0; y < CELL; y++) {
                    for (int z = 0; z < CELL; z++) {
                        int gray = image.getRaster().getSample(col * CELL + z, row * CELL + y, 0);
                        x[(y / POOL) * side + z / POOL] += gray / (255f * POOL * POOL);
                    }
                }
                if (digit < 5) {
                    in.add(x);
                    labels.add(digit);
                } else {
                    out.add(x);
                }
            }
        }
        int[] order = permutation(in.size(), 0xD161L);
        int[] oodOrder = permutation(out.size(), 0x00DL);
        if (train + test > in.size() || test > out.size()) {
            throw new IllegalArgumentException("the digits sheet has " + in.size() + " in-distribution and "
                    + out.size() + " OoD digits: lower --train-rows/--test-rows");
        }
        return new SearchData(labelled(in, labels, order, 0, train, features),
                labelled(in, labels, order, train, test, features), rows(out, oodOrder, 0, test, features));
    }

    /**
     * @return the splits of feature files ({@code .csv}, {@code .npy}, {@code .npz} with labels, as {@code prune
     *     --train/--test/--ood} reads them), e.g. features extracted by {@code moevoprune extract}
     */
    static FeatureFileBackbone featureFiles(Path train, Path test, Path ood) {
        return FeatureFileBackbone.builder().split(DataSplit.TRAIN, train).split(DataSplit.TEST, test)
                .split(DataSplit.OOD, ood).build();
    }

    private static LabelledFeatures labelled(List<float[]> x, List<Integer> y, int[] order, int from, int count,
            int features) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = y.get(order[from + i]);
        }
        return new LabelledFeatures(rows(x, order, from, count, features), ClassLabels.of(5, labels));
    }

    private static FeatureMatrix rows(List<float[]> x, int[] order, int from, int count, int features) {
        float[] data = new float[count * features];
        for (int i = 0; i < count; i++) {
            System.arraycopy(x.get(order[from + i]), 0, data, i * features, features);
        }
        return FeatureMatrix.wrap(data, count, features);
    }

    private static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
