package org.moevoprune.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.PopulationHead.Member;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;

/**
 * The behaviour every {@link PopulationHead} must show, on top of the whole {@link SparseHeadContract}: a population
 * gives each member the head that training it alone gives (same epochs, stop and updates; logits within
 * {@link #populationTolerance()}), in member order, with members that repeat masks or seeds, an empty mask, and
 * members that stop at different epochs.
 */
public abstract class PopulationHeadContract extends SparseHeadContract {

    private static final SyntheticData.Problem PROBLEM = SyntheticData.blobs(17, 200, 100, 40, 3, 6, 1.5);

    /** @return the provider under test */
    @Override
    protected abstract PopulationHead provider();

    /**
     * @return the relative tolerance of a member's logits against the same member trained alone:
     *     {@code |a − b| ≤ tol · max(1, |b|)}; 0 for a provider whose members are bit-identical
     */
    protected double populationTolerance() {
        return 1e-4;
    }

    @Test
    void eachMemberGetsTheHeadItGetsAlone() {
        FeatureMask all = FeatureMask.all(40);
        FeatureMask half = FeatureMask.parse("10".repeat(20));
        List<Member> members = List.of(new Member(all, 1), new Member(half, 2), new Member(half, 3),
                new Member(FeatureMask.none(40), 4), new Member(FeatureMask.ofIndices(40, PROBLEM.informative()), 5),
                new Member(FeatureMask.parse("0001".repeat(10)), 6), new Member(all, 1));
        TrainingSettings stopping = fast(60).toBuilder().patience(2).minDelta(0.01).build();
        List<TrainedHead> heads = provider().trainAll(PROBLEM.train(), members, stopping);
        assertEquals(members.size(), heads.size());
        Set<Integer> epochs = new TreeSet<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            TrainedHead alone = provider().train(PROBLEM.train(), m.mask(), stopping, m.seed());
            TrainedHead together = heads.get(i);
            assertEquals(m.mask(), together.mask(), "member " + i);
            assertEquals(provider().id(), together.provider(), "member " + i);
            assertSameTraining(alone.summary(), together.summary(), i);
            assertLogitsAgree(alone, together, "member " + i);
            epochs.add(together.summary().epochs());
        }
        assertTrue(epochs.size() >= 3, () -> "the members should stop at different epochs to exercise members "
                + "leaving the population, got epochs " + epochs);
        assertLogitsAgree(heads.get(0), heads.get(6), "a repeated member");
    }

    @Test
    void anEmptyPopulationGivesNoHeads() {
        assertEquals(List.of(), provider().trainAll(PROBLEM.train(), List.of(), fast(1)));
    }

    @Test
    void rejectsAMemberOfTheWrongLength() {
        List<Member> members = List.of(new Member(FeatureMask.all(40), 1), new Member(FeatureMask.all(39), 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider().trainAll(PROBLEM.train(), members, fast(1)));
        assertTrue(e.getMessage().contains("39") && e.getMessage().contains("40"), e.getMessage());
    }

    private static void assertSameTraining(TrainingSummary alone, TrainingSummary together, int member) {
        assertEquals(alone.epochs(), together.epochs(), "epochs of member " + member);
        assertEquals(alone.bestEpoch(), together.bestEpoch(), "best epoch of member " + member);
        assertEquals(alone.updates(), together.updates(), "updates of member " + member);
        assertEquals(alone.stoppedEarly(), together.stoppedEarly(), "early stop of member " + member);
        assertEquals(alone.bestLoss(), together.bestLoss(), 1e-4 * Math.max(1, alone.bestLoss()),
                "best loss of member " + member);
    }

    private void assertLogitsAgree(TrainedHead expected, TrainedHead actual, String what) {
        LabelledFeatures test = PROBLEM.test();
        float[] a = expected.logits(test.features()).toArray();
        float[] b = actual.logits(test.features()).toArray();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], populationTolerance() * Math.max(1, Math.abs(a[i])), what + ", logit " + i);
        }
    }
}
