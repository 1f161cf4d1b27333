package org.moevoprune.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.Objective;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.search.Folds;
import org.moevoprune.core.search.SearchData;

/**
 * With k-fold fitness each executor JVM deals the folds of its broadcast data once, not once per task, and the values
 * stay those of folds dealt afresh.
 */
class ExecutorFoldsTest {

    private static final TrainingSettings TRAINING = TrainingSettings.builder().maxEpochs(3).hiddenUnits(8).build();
    private static final List<Objective> OBJECTIVES = Objectives.defaults(2);

    private static SearchData data() {
        SyntheticData.Problem p = SyntheticData.blobs(4, 90, 30, 12, 3, 3, 2.0);
        return new SearchData(p.train(), p.test(), p.ood());
    }

    @Test
    void tasksOnLocal2ShareOneDealOfTheFoldsAndMeasureAsFreshFolds() {
        SearchData data = data();
        BroadcastFeatures features = new BroadcastFeatures(data);
        JavaSparkContext sc = SparkTesting.local();
        Broadcast<ExecutorData> broadcast = sc.broadcast(features);
        JavaSparseHead head = new JavaSparseHead();
        EvaluationPlan plan = new EvaluationPlan(broadcast, head, TRAINING, OBJECTIVES, SparkVersions.running(), 3,
                99L);
        List<CandidateTask> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(new CandidateTask(i, FeatureMask.ofIndices(12, i, i + 3, 11), 500L + i));
        }
        List<CandidateResult> results;
        try {
            results = new SparkBatches(sc).run(plan, tasks, "fold cache test");
        } finally {
            broadcast.destroy();
        }
        // local masters run the tasks in this JVM on the driver's broadcast value: six tasks, one deal
        assertEquals(1, features.foldBuilds(), "the folds were dealt once for six tasks");
        Folds fresh = Folds.of(data, 3, 99L);
        for (CandidateTask t : tasks) {
            Folds.Measured expected = fresh.measure(head, t.mask(), TRAINING, t.trainingSeed(), OBJECTIVES);
            CandidateResult r = results.get(t.position());
            assertEquals(t.position(), r.position());
            assertArrayEquals(expected.values(), r.values(), "fold means of " + t.mask());
            assertEquals(expected.training(), r.summary());
        }
    }

    @Test
    void anExecutorsCopyKeepsOnePartitionPerCountAndSeed() throws Exception {
        ExecutorData copy = roundTrip(new BroadcastFeatures(data()));
        assertEquals(0, copy.foldBuilds(), "a deserialised copy starts without folds");
        Folds first = copy.folds(3, 7L);
        assertSame(first, copy.folds(3, 7L));
        assertEquals(1, copy.foldBuilds());
        Folds other = copy.folds(2, 7L);
        assertEquals(2, other.count());
        assertNotSame(first, copy.folds(3, 8L));
        assertEquals(3, copy.foldBuilds());
        // bounded to one partition: going back deals it again, with the same rows as before
        Folds again = copy.folds(3, 7L);
        assertEquals(4, copy.foldBuilds());
        assertNotSame(first, again);
        for (int f = 0; f < 3; f++) {
            assertEquals(first.fold(f).train(), again.fold(f).train());
            assertEquals(first.fold(f).evaluation(), again.fold(f).evaluation());
        }
    }

    private static ExecutorData roundTrip(ExecutorData value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ExecutorData) in.readObject();
        }
    }
}
