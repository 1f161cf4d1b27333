/**
 * Helpers of the tools module, not exported.
 */
package org.moevoprune.tools.internal;
