package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moevoprune.core.head.AutoSparseHead;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.testing.SeededHead;

/** What the provenance says about the compute kernel. */
class KernelsTest {

    @Test
    void thePureJavaHeadNamesItsKernelAndTheVectorWidth() {
        JavaSparseHead java = new JavaSparseHead();
        String kernel = Kernels.describe(java).orElseThrow();
        if (java.kernel().equals("vector")) {
            assertTrue(kernel.matches("vector \\((64|128|256|512|1024|2048)-bit\\)"), kernel);
        } else {
            assertEquals("scalar", kernel);
        }
        String auto = Kernels.describe(new AutoSparseHead(java, new SeededHead())).orElseThrow();
        assertTrue(auto.startsWith("java " + kernel), auto);
        assertEquals(java.kernel().equals("vector"), !auto.contains(SeededHead.ID),
                "with the vector kernel the automatic head never goes native: " + auto);
    }

    @Test
    void otherProvidersSayNothing() {
        assertEquals(Optional.empty(), Kernels.describe(new SeededHead()));
    }
}
