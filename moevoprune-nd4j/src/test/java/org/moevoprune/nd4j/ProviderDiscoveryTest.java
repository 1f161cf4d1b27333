package org.moevoprune.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.core.head.AutoSparseHead;
import org.moevoprune.core.head.JavaSparseHead;

/**
 * Adding the artifact is all a user does: the default (automatic) head then trains with ND4J where it is faster
 * (without the Java Vector API) and in pure Java elsewhere; a system property picks one provider for everything.
 */
class ProviderDiscoveryTest {

    private static final String PROPERTY = ProviderRegistry.PROPERTY_PREFIX + "SparseHead";

    @Test
    void theDefaultHeadUsesNd4jForLargeCandidatesAndJavaForSmallOnes() {
        ProviderRegistry<SparseHead> registry = ProviderRegistry.load(SparseHead.class);
        assertEquals(AutoSparseHead.class, registry.best().getClass(), registry::toString);
        AutoSparseHead auto = (AutoSparseHead) registry.best();
        boolean vector = new JavaSparseHead().kernel().equals("vector");
        assertEquals(vector ? JavaSparseHead.class : Nd4jSparseHead.class, auto.choose(640, 512).getClass());
        assertEquals(JavaSparseHead.class, auto.choose(8, 64).getClass());
        assertEquals(Nd4jSparseHead.class, registry.available().get(1).getClass(), registry::toString);
        assertTrue(registry.find(JavaSparseHead.ID).isPresent(), registry::toString);
        // on the CPU build only the gpu head is unavailable, and it says why
        assertEquals(java.util.Set.of(Nd4jGpuHead.ID), registry.unavailable().keySet(), registry::toString);
        assertTrue(registry.unavailable().get(Nd4jGpuHead.ID).contains("-Pcuda"), registry::toString);
    }

    @Test
    void theSystemPropertySelectsThePureJavaHeadOrTheNd4jHead() {
        String before = System.getProperty(PROPERTY);
        try {
            ProviderRegistry<SparseHead> registry = ProviderRegistry.load(SparseHead.class);
            System.setProperty(PROPERTY, "java");
            assertEquals(JavaSparseHead.class, registry.select().getClass());
            System.setProperty(PROPERTY, "nd4j");
            assertEquals(Nd4jSparseHead.class, registry.select().getClass());
            System.clearProperty(PROPERTY);
            assertEquals(AutoSparseHead.class, registry.select().getClass());
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }
}
