package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/** What the writers write, the readers read back bit for bit, for random shapes and hard values. */
class FeatureFilesRoundTripProperties {

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("moevoprune-roundtrip");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<LabelledFeatures> labelled() {
        Arbitrary<Integer> rows = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> columns = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> classes = Arbitraries.integers().between(1, 5);
        return Combinators.combine(rows, columns, classes).flatAs((r, c, k) -> {
            Arbitrary<List<Float>> values = FloatArbitraries.finiteFloats().list().ofSize(r * c);
            Arbitrary<List<Integer>> labels = Arbitraries.integers().between(0, k - 1).list().ofSize(r);
            return Combinators.combine(values, labels).as((v, l) -> new LabelledFeatures(
                    FeatureMatrix.wrap(toFloats(v), r, c),
                    ClassLabels.of(k, l.stream().mapToInt(Integer::intValue).toArray())));
        });
    }

    private static float[] toFloats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    @Property(tries = 300)
    void csvRoundTripIsBitIdentical(@ForAll("labelled") LabelledFeatures data) throws IOException {
        Path file = dir.resolve("data.csv");
        FeatureFiles.writeCsv(file, data);
        assertEquals(data, FeatureFiles.readCsv(file, data.classCount()));
    }

    @Property(tries = 300)
    void npyRoundTripIsBitIdentical(@ForAll("labelled") LabelledFeatures data) throws IOException {
        Path features = dir.resolve("x.npy");
        Path labels = dir.resolve("y.npy");
        FeatureFiles.writeNpy(features, data.features());
        FeatureFiles.writeNpyLabels(labels, data.labels());
        assertEquals(data, FeatureFiles.readNpy(features, labels, data.classCount()));
    }

    @Property(tries = 10_000)
    void writtenTextParsesBackToTheSameBits(@ForAll("finite") float value) {
        String text = CsvWriter.format(value);
        assertEquals(Float.floatToRawIntBits(value), Float.floatToRawIntBits(Float.parseFloat(text)), text);
    }

    /** The writer's fall-back, never needed on OpenJDK 17.0.15 (checked for all 2^32 floats), must be exact too. */
    @Property(tries = 10_000)
    void nineDigitFallbackParsesBackToTheSameBits(@ForAll("finite") float value) {
        String text = CsvWriter.nineDigits(value);
        assertEquals(Float.floatToRawIntBits(value), Float.floatToRawIntBits(Float.parseFloat(text)), text);
    }

    @Provide
    Arbitrary<Float> finite() {
        return FloatArbitraries.finiteFloats();
    }
}
