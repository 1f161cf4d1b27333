package org.moevoprune.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.ensemble.VotingRule;
import org.moevoprune.core.io.FeatureFiles;

/**
 * The compact format read by numpy alone: {@code numpy/read_compact.py} in the test resources loads the committed
 * {@code head.mvp} and {@code ensemble.mvp} with the snippet of the {@link CompactModels} Javadoc and saved what it
 * computed; Java must compute the same from the same files.
 */
class CompactModelsNumpyTest {

    private static Path golden(String name) {
        try {
            return Path.of(CompactModelsNumpyTest.class.getResource("numpy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void numpyComputesTheLogitsOfAHeadThatJavaComputes() throws IOException {
        CompactModel model = CompactModels.load(golden("head.mvp"));
        FeatureMatrix rows = FeatureFiles.readNpyFeatures(golden("rows.npy"));
        FeatureMatrix numpy = FeatureFiles.readNpyFeatures(golden("head_logits.npy"));
        TrainedHead head = (TrainedHead) model.classifier();
        float[] java = head.logits(rows).toArray();
        float[] expected = numpy.toArray();
        assertEquals(40 * 3, expected.length);
        for (int i = 0; i < java.length; i++) {
            assertEquals(expected[i], java[i], 1e-5f * Math.max(1, Math.abs(expected[i])), "logit " + i);
        }
    }

    @Test
    void numpyMajorityVotesOfTheEnsembleFileAgreeWithJava() throws IOException {
        CompactModel model = CompactModels.load(golden("ensemble.mvp"));
        assertEquals(VotingRule.MAJORITY, model.rule().orElseThrow());
        assertEquals(3, model.members().size());
        FeatureMatrix rows = FeatureFiles.readNpyFeatures(golden("rows.npy"));
        int[] numpy = FeatureFiles.readNpyLabels(golden("ensemble_majority.npy"), 3).toArray();
        assertArrayEquals(numpy, model.classifier().predict(rows));
    }
}
