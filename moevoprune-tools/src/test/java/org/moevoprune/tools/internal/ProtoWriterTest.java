package org.moevoprune.tools.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Byte-exact encodings, the first two from the protocol-buffers encoding guide's examples. */
class ProtoWriterTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void varintField() {
        assertArrayEquals(bytes(0x08, 0x96, 0x01), new ProtoWriter().int64(1, 150).toByteArray());
    }

    @Test
    void stringField() {
        assertArrayEquals(bytes(0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'),
                new ProtoWriter().string(2, "testing").toByteArray());
    }

    @Test
    void negativeIntegersTakeTenBytes() {
        assertArrayEquals(bytes(0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01),
                new ProtoWriter().int64(3, -1).toByteArray());
    }

    @Test
    void floatsAndPackedAndRawAndNested() {
        assertArrayEquals(bytes(0x15, 0x00, 0x00, 0x80, 0x3F), new ProtoWriter().float32(2, 1f).toByteArray());
        assertArrayEquals(bytes(0x42, 0x03, 0x01, 0x96, 0x01), new ProtoWriter().packedInt64(8, new long[] {1, 150})
                .toByteArray());
        assertArrayEquals(bytes(0x4A, 0x04, 0x00, 0x00, 0x00, 0xC0), new ProtoWriter().rawFloats(9, new float[] {-2f})
                .toByteArray());
        assertArrayEquals(bytes(0x3A, 0x03, 0x08, 0x96, 0x01),
                new ProtoWriter().message(7, new ProtoWriter().int64(1, 150)).toByteArray());
    }
}
