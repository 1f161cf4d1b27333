package org.moevoprune.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.io.FeatureFiles;

/** The README's programs run as printed, on generated feature files. */
class ExamplesTest {

    @Test
    void theSingleMaskProgramPrintsItsThreeObjectiveValues(@TempDir Path dir) throws IOException {
        SyntheticData.Problem p = SyntheticData.blobs(3, 90, 30, 8, 3, 4, 3.0);
        FeatureFiles.writeCsv(dir.resolve("train.csv"), p.train());
        FeatureFiles.writeCsv(dir.resolve("test.csv"), p.test());
        FeatureFiles.writeNpy(dir.resolve("ood.npy"), p.ood());
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SingleMaskExample.main(new String[] {dir.resolve("train.csv").toString(),
                    dir.resolve("test.csv").toString(), dir.resolve("ood.npy").toString()});
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).strip().lines().toList();
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("accuracy = "), lines.get(0));
        assertEquals("active-fraction = 0.5", lines.get(1));
        assertTrue(lines.get(2).startsWith("auroc = "), lines.get(2));
    }
}
