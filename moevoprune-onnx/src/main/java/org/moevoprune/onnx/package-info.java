/**
 * Frozen pretrained backbones run with ONNX Runtime: {@link org.moevoprune.onnx.OnnxFeatureExtractor} turns images
 * into pooled feature vectors, and {@link org.moevoprune.onnx.OnnxBackbone} serves them per data split as a
 * {@link org.moevoprune.api.Backbone} whose fingerprints let core's {@code CachedBackbone} keep them on disk, so that
 * a data set's features are computed once. {@link org.moevoprune.onnx.OnnxBackboneProvider} opens one from textual
 * options (the {@link org.moevoprune.api.BackboneProvider} with id {@code onnx}).
 * {@link org.moevoprune.onnx.ModelConventions} names the outputs and
 * metadata of converted models.
 */
package org.moevoprune.onnx;
