/**
 * The moevoprune engine: the portable pure-Java sparse head, the objectives and metrics of MO-EvoPruneDeepTL,
 * feature-file readers, and (in later packages) the NSGA-II search, ensembles and export.
 */
module org.moevoprune.core {
    requires transitive org.moevoprune.api;

    exports org.moevoprune.core.io;
}
