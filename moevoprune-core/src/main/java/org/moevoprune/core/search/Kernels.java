package org.moevoprune.core.search;

import java.util.Optional;
import org.moevoprune.api.SparseHead;
import org.moevoprune.core.head.AutoSparseHead;
import org.moevoprune.core.head.JavaSparseHead;

/**
 * Names the compute kernel a head provider runs, for {@link org.moevoprune.core.result.Provenance}: the pure-Java
 * head's kernel with the Vector API's register width ({@code "vector (512-bit)"}, {@code "scalar"}), the automatic
 * choice's Java kernel and native alternative; nothing for providers that do not say. Stateless.
 */
final class Kernels {

    /** The product at which the automatic head prefers a native provider over the scalar Java kernel. */
    private static final int AUTO_NATIVE_SIZE = 1 << 20;

    private Kernels() {
    }

    static Optional<String> describe(SparseHead head) {
        if (head instanceof JavaSparseHead java) {
            return Optional.of(java(java));
        }
        if (head instanceof AutoSparseHead auto && auto.choose(1, 1) instanceof JavaSparseHead java) {
            SparseHead large = auto.choose(AUTO_NATIVE_SIZE, 1);
            return Optional.of("java " + java(java) + (large == java ? "" : ", " + large.id() + " for larger layers"));
        }
        return Optional.empty();
    }

    private static String java(JavaSparseHead head) {
        String kernel = head.kernel();
        return kernel.equals("vector") ? vectorBits().map(bits -> "vector (" + bits + "-bit)").orElse(kernel) : kernel;
    }

    /** The preferred Vector API register width, read reflectively: the incubator module may be absent. */
    private static Optional<Integer> vectorBits() {
        try {
            Object species = Class.forName("jdk.incubator.vector.FloatVector").getField("SPECIES_PREFERRED").get(null);
            return Optional.of((Integer) Class.forName("jdk.incubator.vector.VectorSpecies")
                    .getMethod("vectorBitSize").invoke(species));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
