/**
 * Metrics of classification and out-of-distribution detection: accuracy, ODIN scores, exact and reference-grid
 * AUROC, AUPR and FPR at 95 % TPR.
 */
package org.moevoprune.core.metric;
