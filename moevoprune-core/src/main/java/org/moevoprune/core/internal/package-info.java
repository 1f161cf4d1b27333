/**
 * Implementation details shared by the core packages (JSON codec, atomic file replacement). Exported only to
 * {@code org.moevoprune.tools} (which writes its own files with {@link org.moevoprune.core.internal.AtomicFiles});
 * no compatibility promise.
 */
package org.moevoprune.core.internal;
