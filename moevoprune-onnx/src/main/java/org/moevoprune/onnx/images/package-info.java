/**
 * The images an {@link org.moevoprune.onnx.OnnxFeatureExtractor} reads
 * ({@link org.moevoprune.onnx.images.RasterImage}) and the labelled image sets an
 * {@link org.moevoprune.onnx.OnnxBackbone} serves per data split ({@link org.moevoprune.onnx.images.ImageSet}).
 * Readers of data-set formats live in {@code moevoprune-tools}.
 */
package org.moevoprune.onnx.images;
