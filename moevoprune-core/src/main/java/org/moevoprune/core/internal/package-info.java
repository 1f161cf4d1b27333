/**
 * Implementation details shared by the core packages (JSON codec, atomic file replacement). Not exported: no
 * compatibility promise.
 */
package org.moevoprune.core.internal;
