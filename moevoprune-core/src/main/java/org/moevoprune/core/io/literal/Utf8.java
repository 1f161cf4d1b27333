package org.moevoprune.core.io.literal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Strict UTF-8 decoding of the text files and headers moevoprune reads: an invalid byte sequence throws a
 * {@link MalformedTextException} that names the file and the byte offset, where {@link Files#readString} would say
 * only "Input length = 1" and {@code new String(bytes, UTF_8)} would silently substitute U+FFFD. A byte-order mark
 * is kept in the text ({@link Literals#parse} skips it). Stateless; thread-safe.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * Reads a whole file as UTF-8.
     *
     * @param file the file
     * @return its text
     * @throws MalformedTextException if it is not valid UTF-8; the message names the file and the byte offset
     * @throws IOException if it cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    public static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(Objects.requireNonNull(file, "file"));
        return decode(bytes, 0, bytes.length, file.toString());
    }

    /**
     * Decodes part of a byte array as UTF-8.
     *
     * @param bytes the bytes
     * @param offset the first byte to decode
     * @param length how many bytes to decode
     * @param source what the bytes are, for the error message (a file name, or e.g. "the header of model.bin")
     * @return the text
     * @throws MalformedTextException if the bytes are not valid UTF-8; its byte offset counts from the start of
     *     {@code bytes}, not from {@code offset}
     * @throws IndexOutOfBoundsException if the range lies outside {@code bytes}
     * @throws NullPointerException if {@code bytes} or {@code source} is null
     */
    public static String decode(byte[] bytes, int offset, int length, String source) throws MalformedTextException {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(bytes, "bytes").length);
        Objects.requireNonNull(source, "source");
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        // UTF-8 never yields more UTF-16 characters than it has bytes, so the output cannot overflow.
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new MalformedTextException(source, in.position(), sequence(bytes, in.position(), result.length()));
        }
        return out.flip().toString();
    }

    private static String sequence(byte[] bytes, int at, int length) {
        StringBuilder s = new StringBuilder(length == 1 ? "byte" : "the bytes");
        for (int i = at; i < at + length && i < bytes.length; i++) {
            s.append(String.format(" 0x%02x", bytes[i] & 0xFF));
        }
        return s.toString();
    }
}
