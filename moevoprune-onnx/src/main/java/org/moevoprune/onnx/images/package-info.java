/**
 * The images an {@link org.moevoprune.onnx.OnnxFeatureExtractor} reads
 * ({@link org.moevoprune.onnx.images.RasterImage}) and the labelled image sets an
 * {@link org.moevoprune.onnx.OnnxBackbone} serves per data split ({@link org.moevoprune.onnx.images.ImageSet}).
 * {@link org.moevoprune.onnx.images.ImageSetReader} is the plugin contract of data-set layouts; the readers of
 * class folders and IDX files live in {@code moevoprune-tools}.
 */
package org.moevoprune.onnx.images;
