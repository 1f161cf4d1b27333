package org.moevoprune.tools.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A minimal protocol-buffers decoder: splits a message into its fields without interpreting them, so that a caller
 * can read the few it needs and copy the others unchanged ({@link ProtoWriter#raw}). Every length is checked against
 * the bytes present; a malformed message throws {@link IllegalArgumentException}. Stateless.
 */
public final class ProtoReader {

    /** Wire type of varints. */
    public static final int VARINT = 0;
    /** Wire type of 64-bit values. */
    public static final int FIXED64 = 1;
    /** Wire type of length-delimited values (strings, bytes, messages, packed arrays). */
    public static final int LENGTH_DELIMITED = 2;
    /** Wire type of 32-bit values. */
    public static final int FIXED32 = 5;

    /**
     * One field of a message.
     *
     * @param number the field number
     * @param wireType its wire type
     * @param varint the value of a {@link #VARINT} field (0 for others)
     * @param start the first byte of the field (its tag) in the message's array
     * @param valueStart the first byte of the value (for {@link #LENGTH_DELIMITED}: of the payload)
     * @param end one past the field's last byte
     */
    public record Field(int number, int wireType, long varint, int start, int valueStart, int end) {

        /** @return the payload length of a length-delimited field */
        public int length() {
            return end - valueStart;
        }

        /**
         * @param bytes the array the field was read from
         * @return the payload as UTF-8 text
         */
        public String string(byte[] bytes) {
            return new String(bytes, valueStart, end - valueStart, StandardCharsets.UTF_8);
        }
    }

    private ProtoReader() {
    }

    /**
     * @param bytes the array holding the message
     * @param from the message's first byte
     * @param to one past its last byte
     * @return its fields in order
     * @throws IllegalArgumentException if the bytes are not a well-formed message
     */
    public static List<Field> fields(byte[] bytes, int from, int to) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.checkFromToIndex(from, to, bytes.length);
        List<Field> fields = new ArrayList<>();
        int[] at = {from};
        while (at[0] < to) {
            int start = at[0];
            long tag = varint(bytes, at, to);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (number < 1 || tag >>> 32 != 0) {
                throw new IllegalArgumentException("malformed protobuf: field number " + (tag >>> 3) + " at byte "
                        + start);
            }
            long value = 0;
            int valueStart;
            switch (wireType) {
                case VARINT -> {
                    valueStart = at[0];
                    value = varint(bytes, at, to);
                }
                case FIXED64, FIXED32 -> {
                    valueStart = at[0];
                    at[0] = skip(at[0], wireType == FIXED64 ? 8 : 4, to, start);
                }
                case LENGTH_DELIMITED -> {
                    long length = varint(bytes, at, to);
                    valueStart = at[0];
                    at[0] = skip(at[0], length, to, start);
                }
                default -> throw new IllegalArgumentException("malformed protobuf: wire type " + wireType
                        + " at byte " + start + " (groups are not supported)");
            }
            fields.add(new Field(number, wireType, value, start, valueStart, at[0]));
        }
        return fields;
    }

    /**
     * @param bytes a whole message
     * @return its fields in order
     * @throws IllegalArgumentException if the bytes are not a well-formed message
     */
    public static List<Field> fields(byte[] bytes) {
        return fields(bytes, 0, bytes.length);
    }

    /**
     * @param bytes the array
     * @param field a length-delimited field holding a message
     * @return the fields of that message
     * @throws IllegalArgumentException if the field is not length-delimited or its payload is malformed
     */
    public static List<Field> fields(byte[] bytes, Field field) {
        if (field.wireType() != LENGTH_DELIMITED) {
            throw new IllegalArgumentException("field " + field.number() + " is not a message");
        }
        return fields(bytes, field.valueStart(), field.end());
    }

    private static int skip(int at, long length, int to, int start) {
        if (length < 0 || length > to - at) {
            throw new IllegalArgumentException("malformed protobuf: the field at byte " + start + " claims " + length
                    + " bytes but " + (to - at) + " remain");
        }
        return at + (int) length;
    }

    private static long varint(byte[] bytes, int[] at, int to) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= to) {
                throw new IllegalArgumentException("malformed protobuf: a varint runs past the end at byte " + at[0]);
            }
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed protobuf: a varint longer than 10 bytes at byte " + at[0]);
    }
}
