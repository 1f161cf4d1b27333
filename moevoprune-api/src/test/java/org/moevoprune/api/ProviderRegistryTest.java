package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ProviderRegistry}: ranking, setting aside, replacing, explaining, selecting and discovering. */
class ProviderRegistryTest {

    private static final String PROPERTY = "moevoprune.RegistryTestService";

    record Fake(String id, int priority, Provider.Availability availability) implements RegistryTestService {
        static Fake of(String id, int priority) {
            return new Fake(id, priority, Provider.Availability.AVAILABLE);
        }
    }

    record OtherFake(String id, int priority) implements RegistryTestService {
    }

    /** A provider whose own methods misbehave. */
    record Broken(Supplier<String> idSource, Supplier<Provider.Availability> availabilitySource)
            implements RegistryTestService {
        @Override
        public String id() {
            return idSource.get();
        }

        @Override
        public Availability availability() {
            return availabilitySource.get();
        }
    }

    private static ProviderRegistry<RegistryTestService> registry(RegistryTestService... providers) {
        return ProviderRegistry.of(RegistryTestService.class, List.of(providers));
    }

    private static List<String> ids(ProviderRegistry<RegistryTestService> registry) {
        return registry.available().stream().map(Provider::id).toList();
    }

    @Test
    void ranksByPriorityThenId() {
        var registry = registry(Fake.of("a", 0), Fake.of("c", 5), Fake.of("b", 5), Fake.of("d", -1),
                Fake.of("e", 100));
        assertEquals(List.of("e", "b", "c", "a", "d"), ids(registry));
        assertEquals("e", registry.best().id());
        assertEquals(RegistryTestService.class, registry.type());
        assertEquals("ProviderRegistry[RegistryTestService: e (priority 100), b (priority 5), c (priority 5), "
                + "a (priority 0), d (priority -1)]", registry.toString());
    }

    @Test
    void unavailableProvidersAreSetAsideWithTheirReasonInOrder() {
        var registry = registry(new Fake("z", 9, Provider.Availability.unavailable("no z here")), Fake.of("x", 0),
                new Fake("a", 9, Provider.Availability.unavailable("no a here")),
                new Fake("m", 9, Provider.Availability.unavailable("no m here")));
        assertEquals(List.of("x"), ids(registry));
        assertEquals(List.of("z", "a", "m"), List.copyOf(registry.unavailable().keySet()));
        assertEquals("no a here", registry.unavailable().get("a"));
        assertTrue(registry.find("z").isEmpty());
    }

    @Test
    void aFailingOrNullAvailabilityCheckSetsTheProviderAside() {
        var registry = registry(new Broken(() -> "throws", () -> {
            throw new IllegalStateException("driver crashed");
        }), new Broken(() -> "null", () -> null), Fake.of("ok", 0));
        assertEquals(List.of("ok"), ids(registry));
        assertTrue(registry.unavailable().get("throws").contains("availability check failed"));
        assertTrue(registry.unavailable().get("throws").contains("driver crashed"));
        assertTrue(registry.unavailable().get("null").contains("availability check failed"));
    }

    @Test
    void aProviderWithoutAUsableIdIsSetAsideNotFatal() {
        String key = "(" + Broken.class.getName() + ")";
        Map<Supplier<String>, String> cases = Map.of(
                () -> null, "id() returned null",
                () -> " ", "id() returned ' '",
                () -> {
                    throw new UnsupportedOperationException("id not configured");
                }, "id not configured");
        cases.forEach((idSource, expected) -> {
            var registry = registry(new Broken(idSource, () -> Provider.Availability.AVAILABLE), Fake.of("ok", 0));
            assertEquals(List.of("ok"), ids(registry));
            String reason = registry.unavailable().get(key);
            assertTrue(reason != null && reason.contains(expected), registry.unavailable().toString());
        });
    }

    @Test
    void duplicateIdsKeepTheHigherPriorityAndReportTheOther() {
        var registry = registry(Fake.of("x", 1), new OtherFake("x", 2), Fake.of("y", 0));
        assertEquals(List.of("x", "y"), ids(registry));
        assertTrue(registry.get("x") instanceof OtherFake);
        String reason = registry.unavailable().get("x (" + Fake.class.getName() + ")");
        assertTrue(reason.contains("duplicate id"), registry.unavailable().toString());
        assertTrue(reason.contains(OtherFake.class.getName() + " is used instead"), reason);
    }

    @Test
    void withReplacesTheProviderOfTheSameId() {
        Fake old = Fake.of("x", 0);
        Fake replacement = Fake.of("x", 3);
        var registry = registry(old, Fake.of("y", 1)).with(replacement);
        assertEquals(List.of("x", "y"), ids(registry));
        assertSame(replacement, registry.get("x"));
        var added = registry.with(Fake.of("z", 7));
        assertEquals(List.of("z", "x", "y"), ids(added));
        assertEquals(List.of("x", "y"), ids(registry), "with must not change the original registry");
    }

    @Test
    void withClearsStaleReasonsForTheReplacedId() {
        var registry = registry(new Fake("x", 0, Provider.Availability.unavailable("missing")), Fake.of("y", 1),
                new OtherFake("y", 0));
        assertEquals(2, registry.unavailable().size());
        var fixed = registry.with(Fake.of("x", 0)).with(Fake.of("y", 4));
        assertEquals(List.of("y", "x"), ids(fixed));
        assertEquals(Map.of(), fixed.unavailable());
        var stillBroken = registry.with(new Fake("x", 0, Provider.Availability.unavailable("still missing")));
        assertEquals("still missing", stillBroken.unavailable().get("x"));
    }

    @Test
    void getOfAMissingIdExplainsWhatThereIsAndWhatToAdd() {
        var registry = registry(Fake.of("alpha", 5), new Fake("beta", 0,
                Provider.Availability.unavailable("needs libflux.so")));
        assertSame(registry.available().get(0), registry.get("alpha"));
        ProviderNotFoundException e = assertThrows(ProviderNotFoundException.class, () -> registry.get("zeta"));
        String message = e.getMessage();
        assertTrue(message.contains("no usable RegistryTestService provider with id 'zeta'"), message);
        assertTrue(message.contains("Found: alpha (priority 5)"), message);
        assertTrue(message.contains("Unavailable: beta (needs libflux.so)"), message);
        assertTrue(message.contains("Fix: add a jar that provides " + RegistryTestService.class.getName()), message);
        assertTrue(message.contains("ProviderRegistry.with"), message);
        // an unavailable provider is not returned by id either
        assertTrue(assertThrows(ProviderNotFoundException.class, () -> registry.get("beta")).getMessage()
                .contains("needs libflux.so"));
    }

    @Test
    void emptyRegistriesNameTheFirstPartyArtifacts() {
        String heads = assertThrows(ProviderNotFoundException.class,
                () -> ProviderRegistry.of(SparseHead.class, List.of()).best()).getMessage();
        assertTrue(heads.contains("no usable SparseHead provider at all"), heads);
        assertTrue(heads.contains("Found: none"), heads);
        assertTrue(heads.contains("org.moevoprune:moevoprune-core"), heads);
        assertTrue(heads.contains("org.moevoprune:moevoprune-nd4j"), heads);
        String objectives = assertThrows(ProviderNotFoundException.class,
                () -> ProviderRegistry.of(Objective.class, List.of()).get("auroc")).getMessage();
        assertTrue(objectives.contains("'auroc'") && objectives.contains("moevoprune-core"), objectives);
        String ensembles = assertThrows(ProviderNotFoundException.class,
                () -> ProviderRegistry.of(Ensemble.class, List.of()).select()).getMessage();
        assertTrue(ensembles.contains("Ensemble") && ensembles.contains("moevoprune-core"), ensembles);
    }

    @Test
    void selectHonoursTheSystemProperty() {
        var registry = registry(Fake.of("fast", 100), Fake.of("portable", 0));
        String saved = System.getProperty(PROPERTY);
        try {
            System.clearProperty(PROPERTY);
            assertEquals("fast", registry.select().id());
            System.setProperty(PROPERTY, " portable ");
            assertEquals("portable", registry.select().id());
            System.setProperty(PROPERTY, "  ");
            assertEquals("fast", registry.select().id());
            System.setProperty(PROPERTY, "gpu");
            String message = assertThrows(ProviderNotFoundException.class, registry::select).getMessage();
            assertTrue(message.contains("'gpu'") && message.contains("fast (priority 100)"), message);
        } finally {
            if (saved == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, saved);
            }
        }
        assertEquals("moevoprune.", ProviderRegistry.PROPERTY_PREFIX);
    }

    @Test
    void loadDiscoversProvidersAndRecordsTheBrokenOnes() {
        for (var registry : List.of(ProviderRegistry.load(RegistryTestService.class),
                ProviderRegistry.load(RegistryTestService.class, ProviderRegistryTest.class.getClassLoader()))) {
            assertEquals(List.of("alpha"), ids(registry));
            assertTrue(registry.get("alpha") instanceof RegistryTestServices.Available);
            assertEquals(RegistryTestServices.Unavailable.REASON, registry.unavailable().get("beta"));
            assertEquals(2, registry.unavailable().size(), registry.unavailable().toString());
            String failure = registry.unavailable().get("(failed to load #1)");
            assertTrue(failure.contains(RegistryTestServices.ThrowingConstructor.class.getName()), failure);
            assertTrue(registry.find("gamma").isEmpty());
        }
    }

    @Test
    void loadOfAContractWithoutProvidersIsEmpty() {
        var registry = ProviderRegistry.load(Ensemble.class);
        assertEquals(List.of(), registry.available());
        assertThrows(ProviderNotFoundException.class, registry::best);
    }

    /**
     * ServiceLoader reports some errors, such as an unreadable class path, on every call without moving on; discovery
     * must still end. (The timeout only guards against the hang this test is about.)
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void loadEndsWhenServiceLoaderRepeatsAnError() {
        ClassLoader unreadable = new ClassLoader(ProviderRegistryTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                throw new IOException("class path unreadable");
            }
        };
        var registry = ProviderRegistry.load(RegistryTestService.class, unreadable);
        assertEquals(List.of(), registry.available());
        assertEquals(1, registry.unavailable().size(), registry.unavailable().toString());
        assertTrue(registry.unavailable().get("(failed to load #1)").contains("configuration files"),
                registry.unavailable().toString());
    }

    @Test
    void registriesAreImmutable() {
        var registry = registry(Fake.of("x", 0), new Fake("y", 0, Provider.Availability.unavailable("no")));
        assertThrows(UnsupportedOperationException.class, () -> registry.available().add(Fake.of("z", 0)));
        assertThrows(UnsupportedOperationException.class, () -> registry.unavailable().put("z", "why"));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void argumentsAreChecked() {
        assertEquals("type", assertThrows(NullPointerException.class,
                () -> ProviderRegistry.load(null)).getMessage());
        assertEquals("providers", assertThrows(NullPointerException.class,
                () -> ProviderRegistry.of(RegistryTestService.class, null)).getMessage());
        assertEquals("provider", assertThrows(NullPointerException.class,
                () -> registry().with(null)).getMessage());
        assertThrows(NullPointerException.class, () -> registry().find(null));
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> ProviderRegistry.of((Class) SparseHead.class, List.of(Fake.of("x", 0))));
        assertTrue(wrongType.getMessage().contains("is not a " + SparseHead.class.getName()), wrongType.getMessage());
    }

    @Test
    void availabilityVerdicts() {
        assertTrue(Provider.Availability.AVAILABLE.available());
        assertEquals("", Provider.Availability.AVAILABLE.reason());
        assertEquals("why", Provider.Availability.unavailable("why").reason());
        assertThrows(IllegalArgumentException.class, () -> Provider.Availability.unavailable(" "));
        assertThrows(NullPointerException.class, () -> Provider.Availability.unavailable(null));
        Provider plain = () -> "plain";
        assertEquals(0, plain.priority());
        assertSame(Provider.Availability.AVAILABLE, plain.availability());
    }
}
