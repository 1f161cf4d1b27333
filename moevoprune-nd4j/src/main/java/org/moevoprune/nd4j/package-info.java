/**
 * The ND4J backend of moevoprune: {@link org.moevoprune.nd4j.Nd4jSparseHead}, a
 * {@link org.moevoprune.api.SparseHead} that trains and runs candidate heads as native matrix products (ND4J CPU
 * backend with OpenBLAS; CUDA through the build's {@code cuda} profile), and the population-batched
 * {@link org.moevoprune.api.PopulationHead}s {@link org.moevoprune.nd4j.Nd4jBatchedHead} ({@code batched}, any
 * backend) and {@link org.moevoprune.nd4j.Nd4jGpuHead} ({@code gpu}, CUDA only; unverified on a GPU). Found by
 * {@link org.moevoprune.api.ProviderRegistry} through {@code META-INF/services}; depends on the moevoprune api only.
 */
package org.moevoprune.nd4j;
