/**
 * The moevoprune engine: the portable pure-Java sparse head, the objectives and metrics of MO-EvoPruneDeepTL,
 * feature-file readers, the NSGA-II pruning search, its results, ensembles, feature importance, compact export and
 * reports.
 */
module org.moevoprune.core {
    requires transitive org.moevoprune.api;
    requires io.jenetics.base;
    // Optional: the Vector API kernel of the pure-Java head runs when the JVM has --add-modules jdk.incubator.vector.
    requires static jdk.incubator.vector;

    exports org.moevoprune.core.ensemble;
    exports org.moevoprune.core.export;
    exports org.moevoprune.core.head;
    exports org.moevoprune.core.importance;
    exports org.moevoprune.core.io;
    exports org.moevoprune.core.io.literal;
    exports org.moevoprune.core.metric;
    exports org.moevoprune.core.objective;
    exports org.moevoprune.core.report;
    exports org.moevoprune.core.result;
    exports org.moevoprune.core.search;
    // Implementation details, exported only to the tools module so that it shares the one atomic file writer.
    exports org.moevoprune.core.internal to org.moevoprune.tools;

    provides org.moevoprune.api.BackboneProvider with
            org.moevoprune.core.io.FeatureFileBackboneProvider;
    provides org.moevoprune.api.Ensemble with
            org.moevoprune.core.ensemble.MajorityVote,
            org.moevoprune.core.ensemble.SoftVote,
            org.moevoprune.core.ensemble.WeightedSoftVote;
    provides org.moevoprune.api.SparseHead with
            org.moevoprune.core.head.JavaSparseHead,
            org.moevoprune.core.head.AutoSparseHead;
    provides org.moevoprune.api.Objective with
            org.moevoprune.core.objective.Accuracy,
            org.moevoprune.core.objective.ActiveFraction,
            org.moevoprune.core.objective.ParameterFraction,
            org.moevoprune.core.objective.OodAuroc,
            org.moevoprune.core.objective.OodAupr,
            org.moevoprune.core.objective.OodFprAt95Tpr,
            org.moevoprune.core.objective.EnergyAuroc,
            org.moevoprune.core.objective.MaxLogitAuroc,
            org.moevoprune.core.objective.MahalanobisAuroc,
            org.moevoprune.core.objective.KnnAuroc;
}
