package org.moevoprune.core.search;

import java.util.List;
import java.util.Locale;
import org.moevoprune.api.Objective;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.objective.OodAuroc;
import org.moevoprune.core.result.SearchSettings;

/**
 * A named search configuration: its {@link SearchSettings} and its objectives, chosen together because the
 * reference differs from the library's default in both (docs/METHOD.md §3–4). {@link Pruner.Builder#preset}
 * applies one; the command line's {@code --preset} names one by {@link #id()}.
 *
 * <p>Immutable and thread-safe.
 */
public enum SearchPreset {

    /**
     * The paper exactly: {@link SearchSettings#reference(long)} (cache hits spend budget, jMetalPy's mating
     * selection, no stall rule) with {@link Objectives#reference(double)} (the 100-threshold grid AUROC).
     */
    REFERENCE(OodAuroc.Method.REFERENCE_GRID) {
        @Override
        public SearchSettings settings(long seed) {
            return SearchSettings.reference(seed);
        }
    },

    /**
     * The library's default: {@link SearchSettings#improved(long)} (distinct evaluations, stall limit 100) with
     * {@link Objectives#defaults(double)} (the exact AUROC).
     */
    IMPROVED(OodAuroc.Method.EXACT) {
        @Override
        public SearchSettings settings(long seed) {
            return SearchSettings.improved(seed);
        }
    };

    private final OodAuroc.Method aurocMethod;

    SearchPreset(OodAuroc.Method aurocMethod) {
        this.aurocMethod = aurocMethod;
    }

    /**
     * @param seed the run's seed
     * @return the preset's search settings with that seed
     */
    public abstract SearchSettings settings(long seed);

    /** @return how the preset's OoD AUROC objective computes the area */
    public OodAuroc.Method aurocMethod() {
        return aurocMethod;
    }

    /**
     * @param temperature the ODIN temperature of the AUROC objective ({@code T > 0}, finite; reference 1000)
     * @return accuracy, active fraction and the OoD AUROC computed as this preset computes it
     * @throws IllegalArgumentException if the temperature is out of range
     */
    public List<Objective> objectives(double temperature) {
        return this == REFERENCE ? Objectives.reference(temperature) : Objectives.defaults(temperature);
    }

    /** @return the name on the command line: {@code reference} or {@code improved} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id {@code reference} or {@code improved}
     * @return that preset
     * @throws IllegalArgumentException if no preset has that id, listing the ids
     */
    public static SearchPreset byId(String id) {
        for (SearchPreset p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + id + "': expected 'reference' (the paper exactly) or "
                + "'improved' (the default)");
    }
}
