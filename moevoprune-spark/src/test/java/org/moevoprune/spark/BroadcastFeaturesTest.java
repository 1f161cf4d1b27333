package org.moevoprune.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.moevoprune.core.search.SearchData;
import org.moevoprune.api.testkit.SyntheticData;

class BroadcastFeaturesTest {

    @Test
    void theWireFormKeepsEveryValueLabelAndShape() throws Exception {
        // 1100 x 70 = 77,000 floats: more than one 65,536-float chunk, and not a multiple of it.
        SyntheticData.Problem p = SyntheticData.blobs(5, 1100, 30, 70, 4, 5, 1.5);
        SearchData data = new SearchData(p.train(), p.test(), p.ood());
        SearchData back = roundTrip(new BroadcastFeatures(data)).data();
        assertEquals(data.train(), back.train());
        assertEquals(data.evaluation(), back.evaluation());
        assertEquals(data.ood(), back.ood());
        assertEquals(data.fingerprint(), back.fingerprint());
    }

    @Test
    void dataWithoutOodSamplesStayWithout() throws Exception {
        SyntheticData.Problem p = SyntheticData.blobs(5, 20, 10, 6, 2, 2, 1.5);
        SearchData back = roundTrip(new BroadcastFeatures(new SearchData(p.train(), p.test(), null))).data();
        assertNull(back.ood());
        assertEquals(p.train(), back.train());
    }

    private static ExecutorData roundTrip(ExecutorData value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ExecutorData) in.readObject();
        }
    }
}
