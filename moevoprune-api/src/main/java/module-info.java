/**
 * The vocabulary and plugin contracts of moevoprune, depending on the JDK alone.
 *
 * <p>Plugin authors implement {@link org.moevoprune.api.SparseHead}, {@link org.moevoprune.api.Objective} or
 * {@link org.moevoprune.api.Ensemble} or
 * {@link org.moevoprune.api.BackboneProvider} and declare them with {@code provides … with …} (and in
 * {@code META-INF/services} for class-path users); {@link org.moevoprune.api.ProviderRegistry} finds them.
 */
module org.moevoprune.api {
    exports org.moevoprune.api;
    exports org.moevoprune.api.backend;

    uses org.moevoprune.api.SparseHead;
    uses org.moevoprune.api.Objective;
    uses org.moevoprune.api.Ensemble;
    uses org.moevoprune.api.BackboneProvider;
}
