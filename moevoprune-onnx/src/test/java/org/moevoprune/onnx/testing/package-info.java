/**
 * Test helpers shared with other modules through the test-jar: a tiny ONNX model with hand-computable features and
 * deterministic images. In a package of its own, so that modules on the module path can read it from the class
 * path (a test-jar class in {@code org.moevoprune.onnx} would split that package).
 */
package org.moevoprune.onnx.testing;
