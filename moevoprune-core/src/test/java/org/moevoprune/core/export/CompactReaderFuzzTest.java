package org.moevoprune.core.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.ensemble.VotingClassifier;
import org.moevoprune.core.ensemble.VotingRule;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.testing.SmallRuns;
import org.moevoprune.core.testing.fuzz.FuzzHarness;
import org.moevoprune.core.testing.fuzz.FuzzTarget;

/**
 * The compact model reader on damaged files: whole files, JSON headers re-framed with a correct length (so that
 * lies about counts, offsets and shapes reach the reader past the length check), and data sections with a
 * recomputed CRC (so that damaged weights reach the value checks). Only {@link IllegalArgumentException}s that name
 * the file may escape.
 */
class CompactReaderFuzzTest {

    @TempDir
    Path dir;

    private static TrainedHead head(FeatureMask mask) {
        return new JavaSparseHead().train(SmallRuns.PROBLEM.train(), mask,
                TrainingSettings.builder().hiddenUnits(4).maxEpochs(2).build(), 5);
    }

    private static int headerLength(byte[] file) {
        return ByteBuffer.wrap(file, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] header(byte[] file) {
        return Arrays.copyOfRange(file, CompactWriter.PREAMBLE, CompactWriter.PREAMBLE + headerLength(file));
    }

    private static byte[] data(byte[] file) {
        return Arrays.copyOfRange(file, CompactWriter.PREAMBLE + headerLength(file), file.length);
    }

    private static byte[] assemble(byte[] header, byte[] data) {
        return ByteBuffer.allocate(CompactWriter.PREAMBLE + header.length + data.length)
                .order(ByteOrder.LITTLE_ENDIAN).put(CompactWriter.MAGIC).putInt(header.length).put(header).put(data)
                .array();
    }

    /** The seed's header with the data size and CRC of {@code data}, so that only the data is damaged. */
    @SuppressWarnings("unchecked")
    private static byte[] withData(byte[] seedFile, byte[] data) {
        Map<String, Object> header = (Map<String, Object>) Literals.parse(
                new String(header(seedFile), StandardCharsets.UTF_8), LiteralDialect.JSON);
        CRC32 crc = new CRC32();
        crc.update(data);
        header.put("dataBytes", (long) data.length);
        header.put("dataCrc32", crc.getValue());
        return assemble(Json.write(header).getBytes(StandardCharsets.UTF_8), data);
    }

    @Test
    void damagedCompactModelsFailOnlyWithIllegalArgumentExceptionsThatNameTheFile() throws IOException {
        byte[] single = CompactModels.toBytes(head(FeatureMask.ofIndices(48, 0, 5, 17, 40)), null);
        byte[] empty = CompactModels.toBytes(head(FeatureMask.none(48)), null);
        byte[] ensemble = CompactWriter.ensemble(VotingClassifier.weighted(List.of(
                head(FeatureMask.ofIndices(48, 1, 2)), head(FeatureMask.ofIndices(48, 3, 30, 47))),
                new double[] {0.25, 0.75}), null);
        FuzzHarness.Report report = FuzzHarness.builder("compact model").directory(dir)
                .target(FuzzTarget.of("model.mvp", List.of(single, empty, ensemble))
                        .sizeField(8, 4, ByteOrder.LITTLE_ENDIAN))
                .target(FuzzTarget.of("head-header.mvp", List.of(header(single)))
                        .encoder(h -> assemble(h, data(single))))
                .target(FuzzTarget.of("ensemble-header.mvp", List.of(header(ensemble)))
                        .encoder(h -> assemble(h, data(ensemble))))
                .target(FuzzTarget.of("head-data.mvp", List.of(data(single))).encoder(d -> withData(single, d)))
                .reader((file, i) -> {
                    CompactModel model = CompactModels.load(file);
                    if (model.members().isEmpty()) {
                        throw new AssertionError("accepted a model without members");
                    }
                })
                .allow(IllegalArgumentException.class).cases(FuzzHarness.cases(4000)).run();
        assertTrue(report.exercisedBothOutcomes(), report.toString());
    }
}
