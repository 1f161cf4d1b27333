/**
 * One reader for the literal notations moevoprune meets: strict JSON (its own result files, checkpoints and
 * compact-model headers), Python literals (the header dict of a NumPy {@code .npy} file) and the JavaScript object
 * literals of TensorFlow.js model files. The three are dialects of one recursive-descent engine with one value model
 * and one error type.
 *
 * <ul>
 *   <li>{@link org.moevoprune.core.io.literal.Literals} parses a whole text or a literal inside a larger text, with
 *       a nesting limit of {@value org.moevoprune.core.io.literal.Literals#MAX_DEPTH} levels instead of a stack
 *       overflow.</li>
 *   <li>{@link org.moevoprune.core.io.literal.LiteralDialect} documents each grammar.</li>
 *   <li>{@link org.moevoprune.core.io.literal.LiteralSyntaxException} gives the line, column and offset of the
 *       first error; callers prefix the file name.</li>
 *   <li>{@link org.moevoprune.core.io.literal.Utf8} reads and decodes UTF-8 strictly:
 *       {@link org.moevoprune.core.io.literal.MalformedTextException} names the file and the byte offset of the
 *       first invalid byte sequence.</li>
 * </ul>
 *
 * <p>Every type here is stateless or immutable and thread-safe.
 */
package org.moevoprune.core.io.literal;
