package org.moevoprune.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code .npy} files byte by byte, from the format's specification rather than from the code under test,
 * so the tests check the reader independently.
 */
final class NpyBytes {

    private NpyBytes() {
    }

    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape
                + ", }";
    }

    /** Magic, version {@code major.0}, header length, the header padded to 64 bytes and ended by '\n', the data. */
    static byte[] file(int major, String dict, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int unpadded = 6 + 2 + lengthBytes + text.length + 1;
        int padding = (64 - unpadded % 64) % 64;
        int headerLength = text.length + padding + 1;
        ByteBuffer out = ByteBuffer.allocate(unpadded + padding + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            out.putShort((short) headerLength);
        } else {
            out.putInt(headerLength);
        }
        out.put(text);
        for (int i = 0; i < padding; i++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n').put(data);
        return out.array();
    }

    static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer out = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            out.putFloat(v);
        }
        return out.array();
    }

    static byte[] doubles(ByteOrder order, double... values) {
        ByteBuffer out = ByteBuffer.allocate(8 * values.length).order(order);
        for (double v : values) {
            out.putDouble(v);
        }
        return out.array();
    }

    /** Each value truncated to {@code size} bytes (1, 2, 4 or 8), as a signed or unsigned integer dtype stores it. */
    static byte[] integers(ByteOrder order, int size, long... values) {
        ByteBuffer out = ByteBuffer.allocate(size * values.length).order(order);
        for (long v : values) {
            switch (size) {
                case 1 -> out.put((byte) v);
                case 2 -> out.putShort((short) v);
                case 4 -> out.putInt((int) v);
                default -> out.putLong(v);
            }
        }
        return out.array();
    }
}
