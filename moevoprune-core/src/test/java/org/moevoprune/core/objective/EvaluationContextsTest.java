package org.moevoprune.core.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.testkit.LoopHead;

/** {@link EvaluationContexts}: validation, logits computed once, memoised shared values. */
class EvaluationContextsTest {

    private final LoopHead head = ObjectiveFixture.head();

    @Test
    void computesEachSplitsLogitsOnceAndOnlyWhenAsked() {
        EvaluationContext context = ObjectiveFixture.context(head);
        assertEquals(0, head.logitCalls());
        FeatureMatrix logits = context.evaluationLogits();
        assertSame(logits, context.evaluationLogits());
        assertEquals(1, head.logitCalls());
        assertEquals(FeatureMatrix.of(new float[] {2, 1}, new float[] {0, 3}, new float[] {1, 1},
                new float[] {3, 0}, new float[] {0, 0.5f}), logits);
        assertSame(context.oodLogits().orElseThrow(), context.oodLogits().orElseThrow());
        assertEquals(2, head.logitCalls());
        assertSame(head, context.head());
        assertEquals(ObjectiveFixture.MASK, context.mask());
    }

    @Test
    void withoutOodThereAreNoOodLogits() {
        EvaluationContext context = EvaluationContexts.of(head, ObjectiveFixture.evaluation(), null);
        assertTrue(context.ood().isEmpty());
        assertTrue(context.oodLogits().isEmpty());
        assertEquals(0, head.logitCalls());
    }

    @Test
    void sharedMemoisesByKeyAndAllowsNestedRequests() {
        EvaluationContext context = ObjectiveFixture.context(head);
        AtomicInteger computed = new AtomicInteger();
        String first = context.shared("a", c -> "value " + computed.incrementAndGet());
        assertEquals("value 1", first);
        assertSame(first, context.shared("a", c -> "other"));
        Integer nested = context.shared(new StringBuilder("b").toString(),
                c -> c.<String>shared("inner", d -> "x").length() + computed.incrementAndGet());
        assertEquals(3, nested);
        assertEquals("x", context.shared("inner", d -> "y"));
        assertThrows(NullPointerException.class, () -> context.shared("null", c -> null));
    }

    @Test
    void rejectsDataThatDoesNotFitTheHead() {
        LabelledFeatures narrow = new LabelledFeatures(FeatureMatrix.of(new float[] {1, 2}), ClassLabels.of(2, 0));
        assertMessage("evaluation split have 2 features but the head reads 3",
                () -> EvaluationContexts.of(head, narrow, null));
        FeatureMatrix wideOod = FeatureMatrix.of(new float[] {1, 2, 3, 4});
        assertMessage("OoD samples have 4 features but the head reads 3",
                () -> EvaluationContexts.of(head, ObjectiveFixture.evaluation(), wideOod));
        LabelledFeatures threeClasses = new LabelledFeatures(FeatureMatrix.of(new float[] {1, 2, 3}),
                ClassLabels.of(3, 2));
        assertMessage("3 classes but the head has 2 outputs",
                () -> EvaluationContexts.of(head, threeClasses, null));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
