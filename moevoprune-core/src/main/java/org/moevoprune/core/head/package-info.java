/**
 * The portable pure-Java {@link org.moevoprune.api.SparseHead}: compacted training of the reference head
 * (docs/METHOD.md §2) in preallocated primitive buffers, registered under the id {@code "java"}.
 */
package org.moevoprune.core.head;
