package org.moevoprune.core.objective;

import org.moevoprune.core.metric.OdinScores;

/**
 * The ODIN settings shared by the OoD objectives, validated; also the {@link
 * org.moevoprune.api.EvaluationContext#shared shared} key of their scores, so that objectives with equal settings
 * compute the scores once per evaluation.
 *
 * @param temperature {@code T > 0}, finite
 * @param epsilon the input perturbation {@code ε ≥ 0}, finite; {@code -0.0} is stored as {@code 0.0}
 */
record OdinSettings(double temperature, double epsilon) {

    /** The reference settings: {@code T = 1000}, no perturbation. */
    static final OdinSettings REFERENCE = new OdinSettings(OdinScores.REFERENCE_TEMPERATURE, 0.0);

    /**
     * @throws IllegalArgumentException if a value is out of range
     */
    OdinSettings {
        checkTemperature(temperature);
        epsilon = checkEpsilon(epsilon) + 0.0;
    }

    /**
     * @param temperature a candidate temperature
     * @return it
     * @throws IllegalArgumentException if it is not positive and finite
     */
    static double checkTemperature(double temperature) {
        if (!(temperature > 0.0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("ODIN temperature must be > 0 and finite, got " + temperature
                    + ": use 1000 as the reference does, or 1 for the plain softmax");
        }
        return temperature;
    }

    /**
     * @param epsilon a candidate perturbation
     * @return it
     * @throws IllegalArgumentException if it is negative or not finite
     */
    static double checkEpsilon(double epsilon) {
        if (!(epsilon >= 0.0 && Double.isFinite(epsilon))) {
            throw new IllegalArgumentException("ODIN perturbation epsilon must be ≥ 0 and finite, got " + epsilon
                    + ": use 0 (the reference) for no perturbation or a small step such as 0.0014");
        }
        return epsilon;
    }

    @Override
    public String toString() {
        return "temperature=" + temperature + ", epsilon=" + epsilon;
    }
}
