package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.moevoprune.cli.CliRuns.small;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged checkpoint is refused on --resume in one line, and no file of the output directory changes. */
class CorruptCheckpointTest {

    @TempDir
    static Path data;

    @BeforeAll
    static void writeFiles() throws IOException {
        CliRuns.writeFiles(data);
    }

    @Test
    void aDamagedCheckpointIsRefusedAndNoResultFileIsRewritten(@TempDir Path out) throws IOException {
        assertEquals(0, CliRuns.run(small(data, out, "--quiet")).status());
        Path checkpoint = out.resolve("checkpoint-run0.json");
        String text = Files.readString(checkpoint);
        int value = text.indexOf("\"values\": [") + "\"values\": [".length();
        int comma = text.indexOf(',', value);
        Files.writeString(checkpoint, text.substring(0, value) + "\n      120.0" + text.substring(comma));
        Map<Path, byte[]> before = contents(out);
        CliRuns.run(small(data, out, "--quiet", "--resume")).assertOneLine(1, "checkpoint " + checkpoint
                + " cannot be resumed: its content does not match its sha256 checksum");
        Map<Path, byte[]> after = contents(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file.toString()));
    }

    private static Map<Path, byte[]> contents(Path dir) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().toList()) {
                files.put(file.getFileName(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
