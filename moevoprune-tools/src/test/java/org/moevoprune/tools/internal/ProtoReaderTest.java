package org.moevoprune.tools.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ProtoReader} splits what {@link ProtoWriter} writes, and refuses bytes that lie about their lengths. */
class ProtoReaderTest {

    @Test
    void splitsFieldsAndCopiesThemBack() {
        ProtoWriter inner = new ProtoWriter().string(1, "x").int64(2, 300);
        byte[] bytes = new ProtoWriter().int64(1, 150).string(2, "testing").message(7, inner).float32(3, 1.5f)
                .toByteArray();
        List<ProtoReader.Field> fields = ProtoReader.fields(bytes);
        assertEquals(List.of(1, 2, 7, 3), fields.stream().map(ProtoReader.Field::number).toList());
        assertEquals(150, fields.get(0).varint());
        assertEquals("testing", fields.get(1).string(bytes));
        List<ProtoReader.Field> nested = ProtoReader.fields(bytes, fields.get(2));
        assertEquals("x", nested.get(0).string(bytes));
        assertEquals(300, nested.get(1).varint());
        ProtoWriter copy = new ProtoWriter();
        for (ProtoReader.Field f : fields) {
            copy.raw(bytes, f.start(), f.end() - f.start());
        }
        assertArrayEquals(bytes, copy.toByteArray());
    }

    @Test
    void refusesLengthsBeyondTheBytes() {
        // field 2, length-delimited, claims 100 bytes of which 2 are present
        var e = assertThrows(IllegalArgumentException.class, () -> ProtoReader.fields(new byte[] {0x12, 100, 1, 2}));
        assertTrue(e.getMessage().contains("claims 100 bytes but 2 remain"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProtoReader.fields(new byte[] {0x08, (byte) 0x80}));
        assertThrows(IllegalArgumentException.class, () -> ProtoReader.fields(new byte[] {0x0B}));
        assertThrows(IllegalArgumentException.class, () -> ProtoReader.fields(new byte[] {0x00, 0x01}));
    }
}
