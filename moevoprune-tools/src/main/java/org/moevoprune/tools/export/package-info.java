/**
 * Export of pruned heads to ONNX: {@link org.moevoprune.tools.export.OnnxExport} writes a front member, an ensemble
 * of members, or the whole pruned model (backbone + gather of the active features + head, image in, probabilities
 * out) as one ONNX model that ONNX Runtime runs without moevoprune.
 */
package org.moevoprune.tools.export;
