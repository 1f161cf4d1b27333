package org.moevoprune.core.io.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8Test {

    private static byte[] bytes(String hex) {
        String[] parts = hex.split(" ");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    @Test
    void decodesValidTextOfEveryLengthKeepingAByteOrderMark() throws IOException {
        String text = "\uFEFFa\u00e9\u20ac\uD83D\uDE00";
        assertEquals(text, Utf8.decode(text.getBytes(StandardCharsets.UTF_8), 0, 13, "x"));
        byte[] framed = ("##" + text + "##").getBytes(StandardCharsets.UTF_8);
        assertEquals(text, Utf8.decode(framed, 2, 13, "x"));
        assertEquals("", Utf8.decode(new byte[0], 0, 0, "x"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "61 ff 62|1|byte 0xff",
        "61 62 c3 28|2|byte 0xc3",
        "e2 82|0|the bytes 0xe2 0x82",
        "61 ed a0 80|1|0xed",
        "c0 af|0|byte 0xc0",
        "f4 90 80 80|0|0xf4"})
    void invalidSequencesAreReportedWithTheirByteOffset(String hex, long offset, String sequence) {
        MalformedTextException e = assertThrows(MalformedTextException.class,
                () -> Utf8.decode(bytes(hex), 0, hex.split(" ").length, "front.json"));
        assertEquals(offset, e.byteOffset());
        assertEquals("front.json", e.source());
        assertTrue(e.getMessage().startsWith("front.json is not valid UTF-8: "), e.getMessage());
        assertTrue(e.getMessage().contains(sequence), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at byte offset " + offset + " is not part of a UTF-8 character (was the "
                + "file saved in another encoding?)"), e.getMessage());
        assertEquals("is not valid UTF-8: ", e.reason().substring(0, 20));
    }

    @Test
    void offsetsCountFromTheStartOfTheArray() {
        byte[] b = bytes("00 00 00 61 ff");
        assertEquals(4, assertThrows(MalformedTextException.class, () -> Utf8.decode(b, 3, 2, "h")).byteOffset());
        assertThrows(IndexOutOfBoundsException.class, () -> Utf8.decode(b, 3, 3, "h"));
    }

    @Test
    void filesAreNamedInTheError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("checkpoint-run0.json");
        byte[] content = "{\"a\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, content);
        CharacterCodingException e = assertThrows(CharacterCodingException.class, () -> Utf8.read(file));
        assertTrue(e.getMessage().startsWith(file + " is not valid UTF-8: byte 0xe9 at byte offset 10 "),
                e.getMessage());
        Files.writeString(file, "{\"a\": \"caf\u00e9\"}", StandardCharsets.UTF_8);
        assertEquals("{\"a\": \"caf\u00e9\"}", Utf8.read(file));
        assertThrows(NoSuchFileException.class, () -> Utf8.read(dir.resolve("absent.json")));
    }
}
