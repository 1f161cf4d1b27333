/**
 * Frozen pretrained backbones run with ONNX Runtime: {@link org.moevoprune.onnx.OnnxFeatureExtractor} turns images
 * into pooled feature vectors, {@link org.moevoprune.onnx.OnnxBackbone} serves them per data split as a
 * {@link org.moevoprune.api.Backbone}, and {@link org.moevoprune.onnx.FeatureCache} keeps them on disk so that a
 * data set's features are computed once.
 */
package org.moevoprune.onnx;
