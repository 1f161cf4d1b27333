package org.moevoprune.core.ensemble;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.metric.OdinScores;
import org.moevoprune.core.result.Evaluation;

/**
 * Ensembles of a pool of front members compared with their best single member (docs/METHOD.md §5): one {@link Row} for
 * the whole pool, one per {@link PercentileWindow} of the pool's accuracies (the reference's protocol), one per
 * window of its AUROCs, and optionally one for {@link GreedySelection} fitted on a split of its own.
 *
 * <p>Protocol of each row: the members vote by the chosen {@link VotingRule} on the scoring split; the ensemble's
 * accuracy is measured there, and, with OoD rows, the exact AUROC of its combined score (mean member ODIN score)
 * and the AUROC of its per-threshold vote ({@link EnsembleOod}). Window membership uses each member's value as the
 * search measured it ({@link Evaluation#value(String)} of the accuracy or AUROC objective; the value measured on the
 * scoring split when the run lacks that objective). The best member of a window is the one with the highest
 * scoring-split accuracy (accuracy windows, the whole pool) or AUROC (AUROC windows), ties to the lower pool index,
 * and the gain is the ensemble's value minus that member's. When the scoring split is the search's evaluation split,
 * as in the reference, windows and best members are chosen on the very split they are scored on: the comparison
 * between ensemble and member is fair, the absolute numbers are optimistic. The greedy row is fitted on one split and
 * scored on another; its best member is the most accurate on the fit split.
 *
 * <p>Immutable and thread-safe once built; building runs every member once per split.
 */
public final class EnsembleComparison {

    /** How a row's members were chosen. */
    public enum Selection {
        /** Every member of the pool. */
        WHOLE_FRONT("front"),
        /** A percentile window of the members' accuracies. */
        ACCURACY_WINDOW("accuracy"),
        /** A percentile window of the members' AUROCs. */
        AUROC_WINDOW("auroc"),
        /** Greedy forward selection on a separate fit split. */
        GREEDY("greedy");

        private final String label;

        Selection(String label) {
            this.label = label;
        }

        /** @return a short label for tables */
        public String label() {
            return label;
        }
    }

    /**
     * One ensemble and the best single member it is compared with. Values not available (no OoD rows, an empty
     * window) are {@code NaN}; {@code bestMember} is then -1.
     *
     * @param selection how the members were chosen
     * @param window the window ({@code "50–60"}), {@code "all"}, or {@code "fit"} for greedy
     * @param members the members' indices in the pool, ascending (greedy: in the order added)
     * @param ensembleAccuracy the ensemble's accuracy
     * @param ensembleAuroc the exact AUROC of the mean member ODIN score
     * @param voteAuroc the AUROC of the per-threshold vote
     * @param bestMember the pool index of the best single member
     * @param bestAccuracy that member's accuracy
     * @param bestAuroc that member's AUROC
     * @param gain ensemble minus best member, in accuracy (AUROC for AUROC windows)
     * @param scoredOn the name of the split the row was scored on
     */
    public record Row(Selection selection, String window, List<Integer> members, double ensembleAccuracy,
            double ensembleAuroc, double voteAuroc, int bestMember, double bestAccuracy, double bestAuroc, double gain,
            String scoredOn) {

        /** Copies the member list. */
        public Row {
            Objects.requireNonNull(selection, "selection");
            members = List.copyOf(members);
        }

        /** @return {@code "auroc"} for AUROC windows, else {@code "accuracy"}: what {@link #gain} measures */
        public String gainMetric() {
            return selection == Selection.AUROC_WINDOW ? "auroc" : "accuracy";
        }
    }

    private final List<Row> rows;
    private final VotingRule rule;
    private final double temperature;
    private final String scoredOn;
    private final List<Evaluation> pool;
    private final boolean hasOod;
    private final UnprunedRow unpruned;

    EnsembleComparison(List<Row> rows, ComparisonSetup setup, boolean hasOod, UnprunedRow unpruned) {
        this.rows = List.copyOf(rows);
        this.rule = setup.rule();
        this.temperature = setup.temperature();
        this.scoredOn = setup.scoringName();
        this.pool = setup.pool();
        this.hasOod = hasOod;
        this.unpruned = unpruned;
    }

    /**
     * @param pool the members to ensemble (e.g. a front's members), at least one
     * @param heads gives each member's trained head (e.g. {@code pruner.retrainer().heads(runs)} of the search package)
     * @return a builder
     */
    public static Builder builder(List<Evaluation> pool, Function<? super Evaluation, ? extends TrainedHead> heads) {
        return new Builder(pool, heads);
    }

    /** @return the rows: the whole pool, the accuracy windows, the AUROC windows (with OoD rows), greedy */
    public List<Row> rows() {
        return rows;
    }

    /** @return the voting rule of every row */
    public VotingRule rule() {
        return rule;
    }

    /** @return the ODIN temperature of the AUROC columns */
    public double temperature() {
        return temperature;
    }

    /** @return the pool, in the order {@link Row#members()} and {@link Row#bestMember()} index it */
    public List<Evaluation> pool() {
        return pool;
    }

    /** @return whether the AUROC columns were measured */
    public boolean hasOod() {
        return hasOod;
    }

    /** @return the name of the scoring split */
    public String scoredOn() {
        return scoredOn;
    }

    /** @return the unpruned head scored like the rows, when {@link Builder#unpruned} gave it */
    public Optional<UnprunedRow> unpruned() {
        return Optional.ofNullable(unpruned);
    }

    /**
     * @param row one of the rows
     * @return the sentence comparing its ensemble with the unpruned head (share of features: the union of the
     *     members' active features), empty without an unpruned head or for an empty window
     */
    public Optional<String> againstUnpruned(Row row) {
        if (unpruned == null || row.members().isEmpty()) {
            return Optional.empty();
        }
        BitSet union = new BitSet();
        row.members().forEach(m -> union.or(pool.get(m).mask().toBitSet()));
        return Optional.of(unpruned.against(union.cardinality(), row.ensembleAccuracy(), row.ensembleAuroc()));
    }

    /** @return the row whose ensemble is the most accurate (the first on ties), if any row has members */
    public Optional<Row> mostAccurate() {
        Row best = null;
        for (Row r : rows) {
            if (!r.members().isEmpty() && (best == null || r.ensembleAccuracy() > best.ensembleAccuracy())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * @return the comparison as a fixed-width text table with a title line, one line per row, then, with an
     *     unpruned head, its line and how the whole-front and the most accurate ensemble compare with it
     */
    public String toTable() {
        return ComparisonTable.of(this);
    }

    @Override
    public String toString() {
        return "EnsembleComparison[" + rule.id() + ", " + pool.size() + " members, " + rows.size() + " rows]";
    }

    /** Assembles an {@link EnsembleComparison}; each setter validates its value. Not thread-safe. */
    public static final class Builder {
        private final List<Evaluation> pool;
        private final Function<? super Evaluation, ? extends TrainedHead> heads;
        private LabelledFeatures scoring;
        private String scoringName = "evaluation split";
        private FeatureMatrix ood;
        private double temperature = OdinScores.REFERENCE_TEMPERATURE;
        private VotingRule rule = VotingRule.MAJORITY;
        private List<PercentileWindow> windows = PercentileWindow.reference();
        private LabelledFeatures greedyFit;
        private LabelledFeatures greedyScore;
        private String greedyName;
        private int greedyMaxSize;
        private String accuracyId = "accuracy";
        private String aurocId = "auroc";
        private TrainedHead unprunedHead;

        private Builder(List<Evaluation> pool, Function<? super Evaluation, ? extends TrainedHead> heads) {
            this.pool = List.copyOf(Objects.requireNonNull(pool, "pool"));
            this.heads = Objects.requireNonNull(heads, "heads");
            if (this.pool.isEmpty()) {
                throw new IllegalArgumentException("the ensemble pool is empty: pass the members of a front");
            }
        }

        /**
         * @param split the labelled rows every ensemble is scored on (reference: the evaluation split)
         * @param name how tables call it, e.g. {@code "evaluation split"}
         * @return this builder
         */
        public Builder scoredOn(LabelledFeatures split, String name) {
            scoring = Objects.requireNonNull(split, "split");
            scoringName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param value OoD rows for the AUROC columns, or {@code null} for none
         * @return this builder
         */
        public Builder ood(FeatureMatrix value) {
            ood = value;
            return this;
        }

        /**
         * @param value the ODIN temperature {@code T > 0} (reference 1000)
         * @return this builder
         * @throws IllegalArgumentException if the value is not positive and finite
         */
        public Builder temperature(double value) {
            if (!(value > 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException("ODIN temperature must be > 0 and finite, got " + value);
            }
            temperature = value;
            return this;
        }

        /**
         * @param value the voting rule (default {@link VotingRule#MAJORITY}, the reference)
         * @return this builder
         */
        public Builder rule(VotingRule value) {
            rule = Objects.requireNonNull(value, "rule");
            return this;
        }

        /**
         * @param value the windows (default {@link PercentileWindow#reference()})
         * @return this builder
         */
        public Builder windows(List<PercentileWindow> value) {
            windows = List.copyOf(value);
            return this;
        }

        /**
         * Adds a greedy row: {@link GreedySelection} fitted on {@code fit}, scored on {@code score}.
         *
         * @param fit the split the selection is fitted on; must not be {@code score}
         * @param score the split the greedy ensemble and its baseline member are scored on
         * @param maxSize the largest ensemble considered, ≥ 1
         * @param name how tables call the score split
         * @return this builder
         * @throws IllegalArgumentException if {@code fit} and {@code score} are the same object or {@code maxSize < 1}
         */
        public Builder greedy(LabelledFeatures fit, LabelledFeatures score, int maxSize, String name) {
            if (Objects.requireNonNull(fit, "fit") == Objects.requireNonNull(score, "score")) {
                throw new IllegalArgumentException("greedy selection fitted and scored on the same split is biased: "
                        + "fit on a validation split (or one half, see Ensembles.halves) and score on another");
            }
            if (maxSize < 1) {
                throw new IllegalArgumentException("greedy maxSize must be ≥ 1, got " + maxSize);
            }
            greedyFit = fit;
            greedyScore = score;
            greedyMaxSize = maxSize;
            greedyName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param accuracy the id of the accuracy objective whose values select accuracy windows (default
         *     {@code accuracy})
         * @param auroc the id of the AUROC objective (default {@code auroc})
         * @return this builder
         */
        public Builder objectiveIds(String accuracy, String auroc) {
            accuracyId = Objects.requireNonNull(accuracy, "accuracy");
            aurocId = Objects.requireNonNull(auroc, "auroc");
            return this;
        }

        /**
         * Adds the unpruned head (all features, e.g. {@code Retrainer#baselineHead} of the search package), scored
         * on the same split and OoD rows as the ensembles, so that each can be compared with it.
         *
         * @param head the unpruned head, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if the head does not read all its features
         */
        public Builder unpruned(TrainedHead head) {
            if (head != null && head.mask().activeCount() != head.featureCount()) {
                throw new IllegalArgumentException("the unpruned head must read all " + head.featureCount()
                        + " features, it reads " + head.mask().activeCount());
            }
            unprunedHead = head;
            return this;
        }

        /**
         * Runs every member on the splits and builds the rows.
         *
         * @return the comparison
         * @throws IllegalArgumentException if no scoring split was given or a split does not fit the heads
         * @throws IllegalStateException if a member produces non-finite logits
         */
        public EnsembleComparison build() {
            if (scoring == null) {
                throw new IllegalArgumentException("no scoring split: call scoredOn(split, name), e.g. with the "
                        + "search's evaluation split");
            }
            return new ComparisonRun(new ComparisonSetup(pool, heads, scoring, scoringName, ood, temperature, rule,
                    windows, greedyFit, greedyScore, greedyName, greedyMaxSize, accuracyId, aurocId, unprunedHead))
                    .run();
        }
    }
}
