package org.moevoprune.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.Objective;
import org.moevoprune.core.objective.Accuracy;
import org.moevoprune.core.objective.OodAupr;
import org.moevoprune.core.objective.OodAuroc;
import org.moevoprune.core.objective.OodFprAt95Tpr;

class PortableObjectiveTest {

    @Test
    void outOfDistributionObjectivesKeepTheirSettings() {
        Objective auroc = OodAuroc.builder().temperature(1.5).epsilon(0.002)
                .method(OodAuroc.Method.REFERENCE_GRID).build();
        Objective aupr = OodAupr.of(10, 0.001);
        Objective fpr = OodFprAt95Tpr.of(3, 0);
        for (Objective o : new Objective[] {auroc, aupr, fpr}) {
            PortableObjective p = PortableObjective.of(o);
            assertInstanceOf(PortableObjective.Odin.class, p);
            assertEquals(o, p.rebuild());
        }
        assertEquals(OodAuroc.Method.REFERENCE_GRID, ((OodAuroc) PortableObjective.of(auroc).rebuild()).method());
    }

    @Test
    void registeredObjectivesTravelByTheirId() {
        PortableObjective p = PortableObjective.of(new Accuracy());
        assertEquals(new PortableObjective.ById("accuracy"), p);
        assertEquals(new Accuracy(), p.rebuild());
    }

    @Test
    void serializableObjectivesTravelAsThemselves() {
        Objective o = new Threshold(0.25);
        PortableObjective p = PortableObjective.of(o);
        assertInstanceOf(PortableObjective.Shipped.class, p);
        assertEquals(o, p.rebuild());
        assertNotSame(o, p.rebuild());
    }

    @Test
    void anObjectiveTheExecutorsWouldRebuildDifferentlyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PortableObjective.of(new Impostor()));
        assertTrue(e.getMessage().contains("objective 'accuracy'") && e.getMessage().contains("java.io.Serializable"),
                e.getMessage());
    }

    @Test
    void aSerializableObjectiveWithUnserialisableStateIsRefusedOnTheDriver() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PortableObjective.of(new Holding(new Object())));
        assertTrue(e.getMessage().contains("cannot be serialised"), e.getMessage());
    }

    /** A plugin objective with a setting, serialisable. */
    record Threshold(double value) implements Objective, Serializable {
        @Override
        public String id() {
            return "threshold";
        }

        @Override
        public Direction direction() {
            return Direction.MAXIMIZE;
        }

        @Override
        public double evaluate(EvaluationContext context) {
            return value;
        }
    }

    /** Claims a registered id but is another objective. */
    static final class Impostor implements Objective {
        @Override
        public String id() {
            return "accuracy";
        }

        @Override
        public Direction direction() {
            return Direction.MINIMIZE;
        }

        @Override
        public double evaluate(EvaluationContext context) {
            return 0;
        }
    }

    /** Serializable in name only. */
    record Holding(Object state) implements Objective, Serializable {
        @Override
        public String id() {
            return "holding";
        }

        @Override
        public Direction direction() {
            return Direction.MAXIMIZE;
        }

        @Override
        public double evaluate(EvaluationContext context) {
            return 0;
        }
    }
}
