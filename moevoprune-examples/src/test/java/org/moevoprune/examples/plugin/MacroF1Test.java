package org.moevoprune.examples.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.Objective;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.result.PruningResult;

/** The example plugin: a hand-worked value, discovery by id, and use as a search objective. */
class MacroF1Test {

    @Test
    void matchesAHandWorkedCase() {
        ClassLabels truth = ClassLabels.of(3, 0, 0, 1, 2);
        // class 0: tp 1 of 2 predicted, 2 actual → 2/4; class 1: tp 1, 2 predicted, 1 actual → 2/3;
        // class 2: never predicted, 1 actual → 0
        assertEquals((0.5 + 2.0 / 3 + 0.0) / 3, MacroF1.macroF1(new int[] {0, 1, 1, 0}, truth), 1e-12);
        assertEquals(1.0, MacroF1.macroF1(new int[] {0, 0, 1, 2}, truth), 1e-12);
        // a class absent and never predicted counts as perfect
        assertEquals(1.0, MacroF1.macroF1(new int[] {0, 1}, ClassLabels.of(3, 0, 1)), 1e-12);
    }

    @Test
    void isDiscoveredByIdAndDrivesASearch() {
        List<Objective> objectives = Objectives.byIds("macro-f1", "active-fraction");
        assertEquals(MacroF1.class, objectives.get(0).getClass());
        SyntheticData.Problem p = SyntheticData.blobs(2, 120, 60, 16, 3, 3, 2.0);
        PruningResult result = Pruner.builder().data(p.train(), p.test(), null).head(new JavaSparseHead())
                .objectives(objectives).populationSize(6).evaluations(14).seed(1)
                .training(TrainingSettings.builder().hiddenUnits(16).maxEpochs(10).learningRate(0.05).build())
                .build().run();
        double best = result.front().best("macro-f1").value("macro-f1");
        assertTrue(best > 0.5 && best <= 1.0, "macro F1 " + best);
    }
}
