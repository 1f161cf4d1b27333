package org.moevoprune.api;

/** The implementations of {@link RegistryTestService} declared in {@code META-INF/services}. */
public final class RegistryTestServices {

    private RegistryTestServices() {
    }

    /** Usable, priority 5. */
    public static final class Available implements RegistryTestService {
        @Override
        public String id() {
            return "alpha";
        }

        @Override
        public int priority() {
            return 5;
        }
    }

    /** Loads but cannot work here. */
    public static final class Unavailable implements RegistryTestService {
        static final String REASON = "needs libflux.so: add org.example:flux-native to the class path";

        @Override
        public String id() {
            return "beta";
        }

        @Override
        public Availability availability() {
            return Availability.unavailable(REASON);
        }
    }

    /** Breaks the rule that a provider's constructor must not fail. */
    public static final class ThrowingConstructor implements RegistryTestService {
        public ThrowingConstructor() {
            throw new IllegalStateException("constructor of a broken plugin");
        }

        @Override
        public String id() {
            return "gamma";
        }
    }
}
