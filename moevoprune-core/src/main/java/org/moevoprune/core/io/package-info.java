/**
 * Features extracted elsewhere (a Python script, another JVM tool) fed into moevoprune, and feature caches
 * written back.
 *
 * <ul>
 *   <li>{@link org.moevoprune.core.io.FeatureFiles} reads and writes labelled CSV files ({@code label,f1,…,fF}),
 *       NumPy {@code .npy} arrays (features 2-D float32/float64, labels 1-D integers) and NumPy {@code .npz}
 *       archives of them (stored or deflated); its class comment specifies the formats exactly. Writers replace files atomically and write floats that read back
 *       bit-identically.</li>
 *   <li>{@link org.moevoprune.core.io.FeatureFileBackbone} is a {@link org.moevoprune.api.Backbone} over such
 *       files (read lazily, once, then cached) or over arrays held in memory; it reconciles the class count of the
 *       splits and checks that they share one feature dimension.
 *       {@link org.moevoprune.core.io.FeatureFileBackboneProvider} opens one from textual options, as the
 *       {@link org.moevoprune.api.BackboneProvider} with id {@code features}.</li>
 *   <li>{@link org.moevoprune.core.io.CachedBackbone} keeps the features of any backbone that gives fingerprints
 *       (such as the ONNX backbone) in a {@link org.moevoprune.core.io.FeatureCache} folder, so that they are
 *       computed once per backbone and data.</li>
 *   <li>{@link org.moevoprune.core.io.FeatureFileException} reports malformed content: the file, the line or
 *       element, the expected and actual shape, and the fix.</li>
 * </ul>
 *
 * <p>Every public type here is thread-safe except the backbone's builder.
 */
package org.moevoprune.core.io;
