package org.moevoprune.tools.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal protocol-buffers encoder: appends fields (varint, 32-bit float, length-delimited) to a growable byte
 * array. Enough to write ONNX models; nested messages are encoded into their own writer and embedded, and fields of
 * a parsed message ({@link ProtoReader}) can be copied as they are. Not thread-safe.
 */
public final class ProtoWriter {

    private static final int VARINT = 0;
    private static final int FIXED32 = 5;
    private static final int LENGTH_DELIMITED = 2;

    private byte[] buffer = new byte[256];
    private int size;

    /** An empty message. */
    public ProtoWriter() {
    }

    /** Appends a varint-encoded integer field (int32, int64, enum). */
    public ProtoWriter int64(int field, long value) {
        tag(field, VARINT);
        varint(value);
        return this;
    }

    /** Appends a 32-bit float field. */
    public ProtoWriter float32(int field, float value) {
        tag(field, FIXED32);
        fixed32(Float.floatToIntBits(value));
        return this;
    }

    /** Appends a UTF-8 string field. */
    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends a bytes field. */
    public ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        varint(value.length);
        append(value, 0, value.length);
        return this;
    }

    /** Appends an embedded message field. */
    public ProtoWriter message(int field, ProtoWriter message) {
        tag(field, LENGTH_DELIMITED);
        varint(message.size);
        append(message.buffer, 0, message.size);
        return this;
    }

    /** Appends a packed repeated int64 field. */
    public ProtoWriter packedInt64(int field, long[] values) {
        ProtoWriter packed = new ProtoWriter();
        for (long v : values) {
            packed.varint(v);
        }
        tag(field, LENGTH_DELIMITED);
        varint(packed.size);
        append(packed.buffer, 0, packed.size);
        return this;
    }

    /** Appends a bytes field holding {@code values} as little-endian IEEE-754 floats (ONNX {@code raw_data}). */
    public ProtoWriter rawFloats(int field, float[] values) {
        tag(field, LENGTH_DELIMITED);
        varint(4L * values.length);
        ensure(4 * values.length);
        for (float v : values) {
            int bits = Float.floatToRawIntBits(v);
            buffer[size++] = (byte) bits;
            buffer[size++] = (byte) (bits >>> 8);
            buffer[size++] = (byte) (bits >>> 16);
            buffer[size++] = (byte) (bits >>> 24);
        }
        return this;
    }

    /**
     * Appends bytes as they are: an already encoded field (tag and value), e.g. one found by {@link ProtoReader}.
     *
     * @param bytes the source
     * @param from the first byte
     * @param length how many bytes
     * @return this writer
     */
    public ProtoWriter raw(byte[] bytes, int from, int length) {
        java.util.Objects.checkFromIndexSize(from, length, bytes.length);
        append(bytes, from, length);
        return this;
    }

    /** @return the encoded bytes */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** @return the number of bytes written so far */
    public int size() {
        return size;
    }

    private void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    private void varint(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[size++] = (byte) v;
    }

    private void fixed32(int bits) {
        ensure(4);
        buffer[size++] = (byte) bits;
        buffer[size++] = (byte) (bits >>> 8);
        buffer[size++] = (byte) (bits >>> 16);
        buffer[size++] = (byte) (bits >>> 24);
    }

    private void append(byte[] bytes, int from, int length) {
        ensure(length);
        System.arraycopy(bytes, from, buffer, size, length);
        size += length;
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            long wanted = Math.max((long) buffer.length * 2, (long) size + extra);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("protobuf message larger than 2 GiB: ONNX files that large need "
                        + "external data, which this writer does not produce");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }
}
