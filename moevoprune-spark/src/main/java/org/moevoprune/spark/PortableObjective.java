package org.moevoprune.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Objects;
import org.moevoprune.api.Objective;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.core.objective.OodAupr;
import org.moevoprune.core.objective.OodAuroc;
import org.moevoprune.core.objective.OodFprAt95Tpr;

/**
 * How an {@link Objective} of the driver travels to the executors, which rebuild it there: the out-of-distribution
 * objectives of core by their settings, a {@link Serializable} objective as itself, any other by its provider id
 * (the executors find the provider on their class path). {@link #of} refuses, on the driver, an objective the
 * executors would not rebuild equal to it.
 */
sealed interface PortableObjective extends Serializable {

    /**
     * @return the objective, rebuilt where this is called
     * @throws org.moevoprune.api.ProviderNotFoundException if the provider id is not on this JVM's class path
     */
    Objective rebuild();

    /**
     * @param objective an objective of the driver
     * @return its portable form
     * @throws IllegalArgumentException if the executors could not rebuild it equal (the message says the fix)
     */
    static PortableObjective of(Objective objective) {
        Objects.requireNonNull(objective, "objective");
        PortableObjective portable;
        if (objective instanceof OodAuroc a) {
            portable = new Odin(OodAuroc.ID, a.temperature(), a.epsilon(), a.method());
        } else if (objective instanceof OodAupr a) {
            portable = new Odin(OodAupr.ID, a.temperature(), a.epsilon(), null);
        } else if (objective instanceof OodFprAt95Tpr f) {
            portable = new Odin(OodFprAt95Tpr.ID, f.temperature(), f.epsilon(), null);
        } else if (objective instanceof Serializable) {
            portable = new Shipped(roundTrip(objective));
            return portable;
        } else {
            portable = new ById(objective.id());
        }
        Objective rebuilt = portable.rebuild();
        if (!rebuilt.equals(objective)) {
            throw new IllegalArgumentException("objective '" + objective.id() + "' (" + objective + ") cannot be "
                    + "sent to Spark executors: the provider registered under that id builds " + rebuilt
                    + "; make " + objective.getClass().getName() + " java.io.Serializable, or register it under an "
                    + "id whose provider has these settings");
        }
        return portable;
    }

    private static Objective roundTrip(Objective objective) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(objective);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (Objective) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("objective '" + objective.id() + "' (" + objective.getClass().getName()
                    + ") is Serializable but cannot be serialised for the Spark executors: " + e
                    + "; make its fields serialisable", e);
        }
    }

    /** A core out-of-distribution objective by its ODIN settings ({@code method} only for the AUROC). */
    record Odin(String id, double temperature, double epsilon, OodAuroc.Method method) implements PortableObjective {
        private static final long serialVersionUID = 1L;

        @Override
        public Objective rebuild() {
            return switch (id) {
                case OodAuroc.ID -> OodAuroc.builder().temperature(temperature).epsilon(epsilon).method(method)
                        .build();
                case OodAupr.ID -> OodAupr.of(temperature, epsilon);
                default -> OodFprAt95Tpr.of(temperature, epsilon);
            };
        }
    }

    /** A {@link Serializable} objective, sent as it is. */
    record Shipped(Objective objective) implements PortableObjective {
        private static final long serialVersionUID = 1L;

        @Override
        public Objective rebuild() {
            return objective;
        }
    }

    /** An objective found on every JVM by its provider id. */
    record ById(String id) implements PortableObjective {
        private static final long serialVersionUID = 1L;

        @Override
        public Objective rebuild() {
            return ProviderRegistry.load(Objective.class).get(id);
        }
    }
}
