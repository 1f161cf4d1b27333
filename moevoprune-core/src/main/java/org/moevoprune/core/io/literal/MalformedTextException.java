package org.moevoprune.core.io.literal;

import java.nio.charset.CharacterCodingException;
import java.util.Objects;

/**
 * Bytes that are not valid UTF-8: unlike the JDK's {@link java.nio.charset.MalformedInputException} ("Input length
 * = 1"), the message names the file (or other source), the byte offset of the first invalid sequence and its
 * bytes, e.g. {@code front.json is not valid UTF-8: byte 0xff at byte offset 17 is not part of a UTF-8 character
 * (was the file saved in another encoding?)}. It is a {@link CharacterCodingException}, so an {@link
 * java.io.IOException}, as the JDK's is.
 */
public final class MalformedTextException extends CharacterCodingException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long byteOffset;
    private final String sequence;

    MalformedTextException(String source, long byteOffset, String sequence) {
        this.source = Objects.requireNonNull(source, "source");
        this.byteOffset = byteOffset;
        this.sequence = Objects.requireNonNull(sequence, "sequence");
    }

    /** @return the file or other source the bytes came from, as given to {@link Utf8} */
    public String source() {
        return source;
    }

    /** @return the offset of the first invalid byte sequence, from the start of the file or byte array */
    public long byteOffset() {
        return byteOffset;
    }

    /**
     * @return the message without the source, for callers that name it themselves, e.g. {@code is not valid UTF-8:
     *     byte 0xff at byte offset 17 is not part of a UTF-8 character (was the file saved in another encoding?)}
     */
    public String reason() {
        return "is not valid UTF-8: " + sequence + " at byte offset " + byteOffset + " is not part of a UTF-8 "
                + "character (was the file saved in another encoding?)";
    }

    @Override
    public String getMessage() {
        return source + " " + reason();
    }
}
