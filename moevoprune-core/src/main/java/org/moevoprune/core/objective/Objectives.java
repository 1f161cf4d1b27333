package org.moevoprune.core.objective;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.moevoprune.api.Objective;
import org.moevoprune.api.ProviderNotFoundException;
import org.moevoprune.api.ProviderRegistry;

/**
 * Factory of objective lists: the trio of MO-EvoPruneDeepTL with the exact AUROC ({@link #defaults()}) or with the
 * reference's grid AUROC ({@link #reference(double)}), or any objectives by provider id.
 */
public final class Objectives {

    private Objectives() {
    }

    /**
     * The three objectives of MO-EvoPruneDeepTL with the reference settings: {@link Accuracy} (maximised),
     * {@link ActiveFraction} (minimised) and {@link OodAuroc} (maximised; {@code T = 1000}, no perturbation, exact
     * AUROC).
     *
     * @return a new immutable list in that order
     */
    public static List<Objective> defaults() {
        return List.of(new Accuracy(), new ActiveFraction(), new OodAuroc());
    }

    /**
     * The three objectives with the exact AUROC at the given ODIN temperature, otherwise as {@link #defaults()}.
     *
     * @param temperature the ODIN temperature {@code T > 0}, finite (reference 1000)
     * @return a new immutable list: accuracy, active fraction, OoD AUROC
     * @throws IllegalArgumentException if the temperature is out of range
     */
    public static List<Objective> defaults(double temperature) {
        return trio(temperature, OodAuroc.Method.EXACT);
    }

    /**
     * The three objectives exactly as the reference computed them: {@link Accuracy}, {@link ActiveFraction} and
     * {@link OodAuroc} on the reference's 100-threshold grid ({@link OodAuroc.Method#REFERENCE_GRID}), no input
     * perturbation (docs/METHOD.md §3).
     *
     * @param temperature the ODIN temperature {@code T > 0}, finite (reference 1000)
     * @return a new immutable list: accuracy, active fraction, OoD grid AUROC
     * @throws IllegalArgumentException if the temperature is out of range
     */
    public static List<Objective> reference(double temperature) {
        return trio(temperature, OodAuroc.Method.REFERENCE_GRID);
    }

    private static List<Objective> trio(double temperature, OodAuroc.Method method) {
        return List.of(new Accuracy(), new ActiveFraction(),
                OodAuroc.builder().temperature(temperature).method(method).build());
    }

    /**
     * The objectives with the given ids, in that order, as discovered by {@link ProviderRegistry#load(Class)} (the
     * core ids are {@code accuracy}, {@code active-fraction}, {@code parameter-fraction}, {@code auroc},
     * {@code aupr}, {@code fpr95}, {@code energy-auroc}, {@code max-logit-auroc}, {@code mahalanobis-auroc} and
     * {@code knn-auroc}, each with its default settings; plugins may add more).
     *
     * @param ids provider ids, at least one, each at most once
     * @return a new immutable list
     * @throws NullPointerException if {@code ids} or an id is null
     * @throws IllegalArgumentException if no id is given or an id is repeated
     * @throws ProviderNotFoundException if an id has no usable provider; the message lists what was found
     */
    public static List<Objective> byIds(String... ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.length == 0) {
            throw new IllegalArgumentException("no objective ids given: name at least one, e.g. \"accuracy\"");
        }
        ProviderRegistry<Objective> registry = ProviderRegistry.load(Objective.class);
        Set<String> seen = new HashSet<>();
        List<Objective> objectives = new ArrayList<>(ids.length);
        for (String id : ids) {
            Objects.requireNonNull(id, "objective id");
            if (!seen.add(id)) {
                throw new IllegalArgumentException("objective '" + id + "' is listed twice: name each objective"
                        + " once");
            }
            objectives.add(registry.get(id));
        }
        return List.copyOf(objectives);
    }
}
