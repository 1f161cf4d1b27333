/**
 * The moevoprune engine: the portable pure-Java sparse head, the objectives and metrics of MO-EvoPruneDeepTL,
 * feature-file readers, and (in later packages) the NSGA-II search, ensembles and export.
 */
module org.moevoprune.core {
    requires transitive org.moevoprune.api;
    requires io.jenetics.base;
    // Optional: the Vector API kernel of the pure-Java head runs when the JVM has --add-modules jdk.incubator.vector.
    requires static jdk.incubator.vector;

    exports org.moevoprune.core.head;
    exports org.moevoprune.core.search;

    provides org.moevoprune.api.SparseHead with org.moevoprune.core.head.JavaSparseHead;
}
