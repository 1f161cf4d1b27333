package org.moevoprune.api;

/**
 * What every discoverable plugin ({@link SparseHead}, {@link Objective}, {@link Ensemble},
 * {@link BackboneProvider}) tells the
 * {@link ProviderRegistry} about itself.
 *
 * <p>A provider found by {@link java.util.ServiceLoader} needs a public no-argument constructor (or a public static
 * {@code provider()} method on the module path). The constructor must be cheap and must not fail: report missing
 * native libraries or hardware through {@link #availability()} instead.
 */
public interface Provider {

    /** @return a short, unique, stable name such as {@code "java"}, {@code "nd4j"} or {@code "accuracy"} */
    String id();

    /**
     * @return the rank among providers of the same contract; the registry prefers the highest. First-party values:
     *     pure Java 0, native backends 100.
     */
    default int priority() {
        return 0;
    }

    /**
     * Whether the provider can work on this machine. Called by the registry on discovery; may take a moment (e.g.
     * loading a native library) but must not throw.
     *
     * @return {@link Availability#AVAILABLE}, or why not and how to fix it
     */
    default Availability availability() {
        return Availability.AVAILABLE;
    }

    /**
     * Whether this provider can work, or why not.
     *
     * @param available whether the provider can be used
     * @param reason why not, and how to fix it; empty when available
     */
    record Availability(boolean available, String reason) {

        /** The provider is ready. */
        public static final Availability AVAILABLE = new Availability(true, "");

        /**
         * @throws IllegalArgumentException if an unavailable provider gives no reason
         */
        public Availability {
            java.util.Objects.requireNonNull(reason, "reason");
            if (!available && reason.isBlank()) {
                throw new IllegalArgumentException("an unavailable provider must say why");
            }
        }

        /**
         * @param reason why the provider cannot work, and how to fix it
         * @return an unavailable verdict
         */
        public static Availability unavailable(String reason) {
            return new Availability(false, reason);
        }
    }
}
