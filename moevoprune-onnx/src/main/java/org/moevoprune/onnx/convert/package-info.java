/**
 * Reading TensorFlow.js layers models ({@link org.moevoprune.onnx.convert.TfjsModels}) into Keras models
 * ({@link org.moevoprune.onnx.convert.KerasModel}) and converting them to ONNX feature extractors
 * ({@link org.moevoprune.onnx.convert.KerasToOnnx}), with a hand-written protobuf encoder and no other dependency.
 */
package org.moevoprune.onnx.convert;
