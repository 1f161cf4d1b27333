package org.moevoprune.api;

/**
 * The parts of a data set that a {@link Backbone} serves.
 */
public enum DataSplit {
    /** Samples the candidate heads are trained on. */
    TRAIN,
    /** Optional held-out samples for choices made after the search (ensemble member selection, say). */
    VALIDATION,
    /** The evaluation split the objectives are measured on (the reference's test folder). */
    TEST,
    /** Out-of-distribution samples for the robustness objective; their labels, if any, are ignored. */
    OOD
}
