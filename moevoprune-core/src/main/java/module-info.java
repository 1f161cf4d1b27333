/**
 * The moevoprune engine: the portable pure-Java sparse head, the objectives and metrics of MO-EvoPruneDeepTL,
 * feature-file readers, and (in later packages) the NSGA-II search, ensembles and export.
 */
module org.moevoprune.core {
    requires transitive org.moevoprune.api;

    exports org.moevoprune.core.metric;
    exports org.moevoprune.core.objective;

    provides org.moevoprune.api.Objective with
            org.moevoprune.core.objective.Accuracy,
            org.moevoprune.core.objective.ActiveFraction,
            org.moevoprune.core.objective.ParameterFraction,
            org.moevoprune.core.objective.OodAuroc,
            org.moevoprune.core.objective.OodAupr,
            org.moevoprune.core.objective.OodFprAt95Tpr;
}
