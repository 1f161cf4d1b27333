package org.moevoprune.core.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.Objective.Direction;
import org.moevoprune.api.Objective;
import org.moevoprune.api.ProviderNotFoundException;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.testkit.LoopHead;
import org.moevoprune.core.metric.OodMetrics;

/** The objective providers on {@link ObjectiveFixture}'s hand-computable head, their sharing and discovery. */
class ObjectivesTest {

    private final LoopHead head = ObjectiveFixture.head();
    private final EvaluationContext context = ObjectiveFixture.context(head);

    @Test
    void accuracyUsesArgmaxWithTiesToTheSmallestClass() {
        // predictions 0, 1, 0 (tie), 0, 1 against labels 0, 1, 1, 1, 1
        assertEquals(3.0 / 5, new Accuracy().evaluate(context), 0.0);
    }

    @Test
    void complexityObjectives() {
        assertEquals(2.0 / 3, new ActiveFraction().evaluate(context), 0.0);
        // k·H + H·C + C = 2·2 + 2·2 + 2 = 10 of F·H + H·C + C = 3·2 + 2·2 + 2 = 12
        assertEquals(10.0 / 12, new ParameterFraction().evaluate(context), 0.0);
    }

    @Test
    void aurocOfOdinScores() {
        // evaluation gaps 1, 3, 0, 3, 0.5 vs OoD gaps 0, 2, 4: wins 1 + 2 + ½ + 2 + 1 = 6.5 of 15 pairs
        assertEquals(6.5 / 15, new OodAuroc().evaluate(context), 1e-15);
        assertEquals(6.5 / 15, OodAuroc.builder().temperature(1).build().evaluate(context), 1e-15);
    }

    @Test
    void referenceGridAurocOfOdinScores() {
        OodAuroc grid = OodAuroc.builder().method(OodAuroc.Method.REFERENCE_GRID).build();
        double expected = OodMetrics.referenceGridAuroc(ObjectiveFixture.odin(ObjectiveFixture.EVALUATION_GAPS, 1000),
                ObjectiveFixture.odin(ObjectiveFixture.OOD_GAPS, 1000));
        assertEquals(expected, grid.evaluate(context), 1e-15);
        assertNotEquals(new OodAuroc().evaluate(context), expected, 1e-3);
    }

    @Test
    void auprOfOdinScores() {
        // descending: 4 (ood), 3, 3, 2 (ood), 1, 0.5, 0 | 0 (ood):
        // 2/5·2/3 + 1/5·3/5 + 1/5·4/6 + 1/5·5/8 = 0.645
        assertEquals(0.645, new OodAupr().evaluate(context), 1e-12);
    }

    @Test
    void fprAt95TprOfOdinScores() {
        // 5 evaluation rows: TPR ≥ 0.95 needs all of them, threshold = the gap-0 score, every OoD row passes
        assertEquals(1.0, new OodFprAt95Tpr().evaluate(context), 0.0);
        // without the tied row: threshold = the gap-0.5 score; OoD gaps 2 and 4 pass
        LabelledFeatures untied = ObjectiveFixture.evaluation().selectRows(0, 1, 3, 4);
        EvaluationContext smaller = EvaluationContexts.of(head, untied, ObjectiveFixture.ood());
        assertEquals(2.0 / 3, new OodFprAt95Tpr().evaluate(smaller), 0.0);
    }

    @Test
    void oodObjectivesShareLogitsAndScoresPerSetting() {
        for (Objective objective : List.of(new Accuracy(), new OodAuroc(), new OodAupr(), new OodFprAt95Tpr(),
                OodAuroc.builder().temperature(1).method(OodAuroc.Method.REFERENCE_GRID).build())) {
            objective.evaluate(context);
        }
        assertEquals(2, head.logitCalls(), "evaluation and OoD logits, once each");
        // with ε > 0 the scores need logits of perturbed rows: two calls per distinct (T, ε), not per objective
        OodAuroc.builder().temperature(10).epsilon(0.01).build().evaluate(context);
        OodAupr.of(10, 0.01).evaluate(context);
        OodFprAt95Tpr.of(10, 0.01).evaluate(context);
        assertEquals(4, head.logitCalls());
        OodAupr.of(20, 0.01).evaluate(context);
        assertEquals(6, head.logitCalls());
    }

    @Test
    void perturbationWidensTheLogitGapOfThePredictedClass() {
        // ε = 0.25 moves each active feature with a live ReLU by ±ε towards the predicted class; a zero
        // feature (dead ReLU) has no gradient. Gaps: evaluation 1.5, 3.25, 0.5 (tie → class 0), 3.25, 0.75;
        // OoD 0.5 (tie), 2.5, 4.25.
        OdinScoring.Scores scores = OdinScoring.of(context, "test", new OdinSettings(1, 0.25));
        assertArrayEquals(ObjectiveFixture.odin(new double[] {1.5, 3.25, 0.5, 3.25, 0.75}, 1), scores.in, 1e-7);
        assertArrayEquals(ObjectiveFixture.odin(new double[] {0.5, 2.5, 4.25}, 1), scores.ood, 1e-7);
        assertSame(scores, OdinScoring.of(context, "other", new OdinSettings(1, 0.25)));
    }

    @Test
    void oodObjectivesExplainAMissingOodSplit() {
        EvaluationContext noOod = EvaluationContexts.of(head, ObjectiveFixture.evaluation(), null);
        for (Objective objective : List.of(new OodAuroc(), new OodAupr(), new OodFprAt95Tpr())) {
            assertTrue(objective.needsOod());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> objective.evaluate(noOod));
            assertTrue(e.getMessage().contains("'" + objective.id() + "' needs an out-of-distribution split")
                    && e.getMessage().contains("EvaluationContexts.of(head, evaluation, ood)"), e.getMessage());
        }
        assertEquals(3.0 / 5, new Accuracy().evaluate(noOod), 0.0);
    }

    @Test
    void idsDirectionsAndDefaults() {
        List<Objective> defaults = Objectives.defaults();
        assertEquals(List.of("accuracy", "active-fraction", "auroc"), ids(defaults));
        assertEquals(List.of(Direction.MAXIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE),
                defaults.stream().map(Objective::direction).toList());
        assertEquals(Direction.MINIMIZE, new ParameterFraction().direction());
        assertEquals(Direction.MAXIMIZE, new OodAupr().direction());
        assertEquals(Direction.MINIMIZE, new OodFprAt95Tpr().direction());
        assertFalse(new Accuracy().needsOod() || new ActiveFraction().needsOod() || new ParameterFraction().needsOod());
        OodAuroc reference = new OodAuroc();
        assertEquals(1000.0, reference.temperature());
        assertEquals(0.0, reference.epsilon());
        assertEquals(OodAuroc.Method.EXACT, reference.method());
    }

    @Test
    void providersAreDiscoveredAndResolvedById() {
        Set<String> discovered = ProviderRegistry.load(Objective.class).available().stream().map(Objective::id)
                .collect(Collectors.toSet());
        assertTrue(discovered.containsAll(Set.of("accuracy", "active-fraction", "parameter-fraction", "auroc",
                "aupr", "fpr95")), discovered::toString);
        List<Objective> chosen = Objectives.byIds("fpr95", "parameter-fraction", "aupr");
        assertEquals(List.of(new OodFprAt95Tpr(), new ParameterFraction(), new OodAupr()), chosen);
    }

    @Test
    void byIdsRejectsUnknownRepeatedAndMissingIds() {
        ProviderNotFoundException unknown = assertThrows(ProviderNotFoundException.class,
                () -> Objectives.byIds("accuracy", "f1"));
        assertTrue(unknown.getMessage().contains("'f1'") && unknown.getMessage().contains("auroc"),
                unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Objectives.byIds("auroc", "auroc"));
        assertTrue(twice.getMessage().contains("'auroc' is listed twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, Objectives::byIds);
    }

    @Test
    void settingsAreValidatedAndPartOfEquality() {
        assertEquals(new OodAuroc(), OodAuroc.builder().build());
        assertEquals(new OodAuroc().hashCode(), OodAuroc.builder().temperature(1000).epsilon(-0.0).build().hashCode());
        assertNotEquals(new OodAuroc(), OodAuroc.builder().method(OodAuroc.Method.REFERENCE_GRID).build());
        assertNotEquals(new OodAuroc(), OodAuroc.builder().epsilon(0.001).build());
        assertEquals(OodAupr.of(1000, 0), new OodAupr());
        assertNotEquals(OodAupr.of(999, 0), new OodAupr());
        assertNotEquals(OodFprAt95Tpr.of(1000, 0.5), new OodFprAt95Tpr());
        assertTrue(new OodAuroc().toString().contains("temperature=1000.0"), new OodAuroc().toString());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> OodAuroc.builder().temperature(0));
        assertTrue(t.getMessage().contains("temperature must be > 0"), t.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OodAupr.of(1, -1));
        assertTrue(e.getMessage().contains("epsilon must be ≥ 0"), e.getMessage());
        assertThrows(NullPointerException.class, () -> OodAuroc.builder().method(null));
    }

    @Test
    void emptyEvaluationSplitIsReported() {
        LabelledFeatures empty = new LabelledFeatures(FeatureMatrix.wrap(new float[0], 0, 3), ClassLabels.of(2));
        EvaluationContext none = EvaluationContexts.of(head, empty, ObjectiveFixture.ood());
        assertThrows(IllegalArgumentException.class, () -> new Accuracy().evaluate(none));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OodAuroc().evaluate(none));
        assertTrue(e.getMessage().contains("no in-distribution scores"), e.getMessage());
    }

    private static List<String> ids(List<Objective> objectives) {
        return objectives.stream().map(Objective::id).toList();
    }
}
