package org.moevoprune.core.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.Objective;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.core.internal.Json;

/**
 * What a checkpoint must satisfy beyond its syntax before a run resumes from it: a SHA-256 checksum of its
 * payload, and the semantics of the state it holds, so that a damaged or edited checkpoint is refused instead of
 * silently changing the front.
 *
 * <p><b>Checksum.</b> {@link #seal} adds {@value #CHECKSUM}: the hex SHA-256 of the UTF-8 bytes of the canonical
 * payload, which is the checkpoint object without that field as {@link Json#write} writes it. The JSON writer is
 * canonical for what it writes (key order kept, integers as integers, doubles as {@link Double#toString}), so the
 * reader recomputes it from the parsed object.
 *
 * <p><b>Semantics</b> ({@link #validate}): counters in range (step, cache hits, steps without a new evaluation at
 * most the step, elapsed time); every history entry produced by the initial population or a step before the checkpoint's, in
 * order, at most μ initial entries and λ per step, no mask twice, its recorded active count that of its mask, its
 * training seed the one the run derives from its mask, every objective value finite and within its objective's
 * bounds (the objective {@value #ACCURACY} a whole number of evaluation samples when their number is known, {@value
 * #ACTIVE_FRACTION} the active fraction that of the mask), training within the
 * epoch cap, at least the settings' minimum of active features; budget, proposals and the steps without a new
 * evaluation (within the stall limit) consistent with the step; replacement crowding distances present exactly when
 * the settings' tournaments use them after the initial population. (Population entries are history entries, checked by
 * the reader.) Stateless.
 */
final class CheckpointChecks {

    /** The field that holds the payload's checksum. */
    static final String CHECKSUM = "sha256";
    /** The id of core's accuracy objective (results do not depend on the objectives' package). */
    static final String ACCURACY = "accuracy";
    /** The id of core's active-fraction objective. */
    static final String ACTIVE_FRACTION = "active-fraction";

    private CheckpointChecks() {
    }

    /**
     * Adds the checksum of {@code payload} to it.
     *
     * @param payload the checkpoint object, without {@value #CHECKSUM}
     */
    static void seal(Map<String, Object> payload) {
        payload.put(CHECKSUM, sha256(payload));
    }

    /**
     * @param json the parsed checkpoint object
     * @throws IllegalArgumentException if the checksum is missing or does not match the payload
     */
    static void verifySeal(Map<?, ?> json) {
        Object recorded = json.get(CHECKSUM);
        if (!(recorded instanceof String hex)) {
            throw new IllegalArgumentException("its " + CHECKSUM + " checksum is missing: the file was cut or edited");
        }
        Map<Object, Object> payload = new LinkedHashMap<>(json);
        payload.remove(CHECKSUM);
        String actual = sha256(payload);
        if (!actual.equals(hex)) {
            throw new IllegalArgumentException("its content does not match its " + CHECKSUM + " checksum (recorded "
                    + abbreviate(hex) + ", content " + actual.substring(0, 16) + "…): the file was damaged or "
                    + "edited after it was written");
        }
    }

    /** The hex SHA-256 of the canonical JSON text of {@code payload}. */
    static String sha256(Map<?, ?> payload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Json.write(payload).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
    }

    /**
     * @param state the decoded state
     * @param activeCounts the active count recorded with each history entry
     * @param objectives the search's objectives, in the order of the values
     * @param evaluationRows the evaluation split's size, 0 if unknown
     * @throws IllegalArgumentException naming the first inconsistency found
     */
    static void validate(RunState state, long[] activeCounts, List<Objective> objectives,
            int evaluationRows) {
        SearchSettings s = state.settings();
        int step = state.step();
        counters(step, state.cacheHits(), state.stalled(), state.elapsedNanos());
        List<Evaluation> history = state.history();
        require(!history.isEmpty(), "its history is empty, but a checkpoint is written after the initial population");
        int spent = history.size() + (s.countCacheHits() ? state.cacheHits() : 0);
        require(spent <= s.evaluations(), "it has spent " + spent + " evaluations of a budget of " + s.evaluations());
        long proposals = s.populationSize() + (long) step * s.offspring();
        require(history.size() + (long) state.cacheHits() <= proposals, "its " + history.size() + " evaluations and "
                + state.cacheHits() + " cache hits exceed the " + proposals + " candidates proposed by step " + step);
        int limit = s.operators().stallLimit();
        require(limit == 0 || state.stalled() <= limit, "its " + state.stalled() + " steps without a new evaluation "
                + "exceed the stall limit of " + limit + ", at which the run stops");
        boolean keyed = s.operators().matingFromReplacement() && step > 0;
        require(state.replacementCrowding().size() == (keyed ? state.population().size() : 0), "it holds "
                + state.replacementCrowding().size() + " replacement crowding distances, expected " + (keyed
                ? "one per population member" : "none") + " at step " + step + " with " + s.operators());
        checkHistory(state, activeCounts, objectives, evaluationRows);
        if (state.baseline() != null) {
            checkBaseline(state.baseline(), s, objectives, evaluationRows);
        }
    }

    /** The unpruned baseline: all features, the seed derived from that mask, sane values; outside the history. */
    private static void checkBaseline(Evaluation b, SearchSettings s, List<Objective> objectives,
            int evaluationRows) {
        require(b.mask().activeCount() == b.mask().length(), "its baseline keeps " + b.mask().activeCount() + " of "
                + b.mask().length() + " features instead of all");
        require(b.index() == -1 && b.step() == -1, "its baseline has index " + b.index() + " and step " + b.step()
                + " instead of -1, -1 (it is not part of the history)");
        long seed = TrainingRandom.derive(s.seed(), b.mask().fingerprint());
        require(b.trainingSeed() == seed, "its baseline has training seed " + b.trainingSeed() + ", not the seed "
                + seed + " the run derives from the mask of all features");
        require(b.nanos() >= 0, "its baseline took " + b.nanos() + " ns");
        require(b.training().epochs() <= s.training().maxEpochs(), "its baseline trained " + b.training().epochs()
                + " epochs, more than the cap of " + s.training().maxEpochs());
        checkValues(b, "its baseline", objectives, evaluationRows);
    }

    /**
     * The counters alone, checked before a {@link RunState} is made of them.
     *
     * @throws IllegalArgumentException naming the first counter out of range
     */
    static void counters(int step, int cacheHits, int stalled, long elapsedNanos) {
        require(step >= 0, "its step " + step + " is negative");
        require(cacheHits >= 0, "its cache-hit count " + cacheHits + " is negative");
        require(stalled >= 0 && stalled <= step, "its count of steps without a new evaluation, " + stalled
                + ", is outside [0, step " + step + "]");
        require(elapsedNanos >= 0, "its elapsed time " + elapsedNanos + " ns is negative");
    }

    private static void checkHistory(RunState state, long[] activeCounts, List<Objective> objectives,
            int evaluationRows) {
        SearchSettings s = state.settings();
        Set<FeatureMask> masks = new HashSet<>();
        int previous = -1;
        int sameStep = 0;
        for (Evaluation e : state.history()) {
            String where = "history entry " + e.index();
            require(e.step() >= previous && e.step() < state.step(), where + " was produced by step " + e.step()
                    + ", out of order or not before the checkpoint's step " + state.step());
            sameStep = e.step() == previous ? sameStep + 1 : 1;
            previous = e.step();
            int most = e.step() == -1 ? s.populationSize() : s.offspring();
            require(sameStep <= most, where + " is evaluation " + sameStep + " of " + (e.step() == -1
                    ? "the initial population" : "step " + e.step()) + ", which makes at most " + most);
            require(e.step() < state.step() - state.stalled(), where + " of step " + e.step() + " contradicts the "
                    + state.stalled() + " steps without a new evaluation before step " + state.step());
            require(masks.add(e.mask()), where + " repeats the mask of an earlier entry");
            require(e.mask().activeCount() >= s.operators().minActive(), where + " has " + e.mask().activeCount()
                    + " active features, fewer than the minimum of " + s.operators().minActive() + " the run keeps");
            require(activeCounts[e.index()] == e.mask().activeCount(), where + " records " + activeCounts[e.index()]
                    + " active features but its mask has " + e.mask().activeCount());
            long seed = TrainingRandom.derive(s.seed(), e.mask().fingerprint());
            require(e.trainingSeed() == seed, where + " has training seed " + e.trainingSeed() + ", not the seed "
                    + seed + " the run derives from its mask: its mask or seed was changed");
            require(e.nanos() >= 0, where + " took " + e.nanos() + " ns");
            require(e.training().epochs() <= s.training().maxEpochs(), where + " trained " + e.training().epochs()
                    + " epochs, more than the cap of " + s.training().maxEpochs());
            checkValues(e, where, objectives, evaluationRows);
        }
    }

    private static void checkValues(Evaluation e, String where, List<Objective> objectives, int evaluationRows) {
        for (int i = 0; i < objectives.size(); i++) {
            Objective o = objectives.get(i);
            double v = e.value(i);
            String what = where + ": " + o.id() + " " + v;
            require(Double.isFinite(v), what + " is not a finite number");
            require(v >= o.lowerBound() && v <= o.upperBound(), what + " is outside the objective's range ["
                    + o.lowerBound() + ", " + o.upperBound() + "]");
            if (o.id().equals(ACCURACY) && evaluationRows > 0) {
                long correct = Math.round(v * evaluationRows);
                require((double) correct / evaluationRows == v, what + " is not a whole number of the "
                        + evaluationRows + " evaluation samples");
            } else if (o.id().equals(ACTIVE_FRACTION)) {
                require(v == e.mask().activeFraction(), what + " is not the active fraction of its mask, "
                        + e.mask().activeFraction());
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 16 ? text.substring(0, 16) + "…" : text;
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
