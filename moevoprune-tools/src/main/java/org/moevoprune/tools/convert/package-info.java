/**
 * Reading TensorFlow.js layers models ({@link org.moevoprune.tools.convert.TfjsModels}) into Keras models
 * ({@link org.moevoprune.tools.convert.KerasModel}) and converting them to ONNX feature extractors
 * ({@link org.moevoprune.tools.convert.KerasToOnnx}), with a hand-written protobuf encoder and no other dependency.
 */
package org.moevoprune.tools.convert;
