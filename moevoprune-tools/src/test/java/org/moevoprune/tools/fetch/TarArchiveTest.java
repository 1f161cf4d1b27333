package org.moevoprune.tools.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarArchiveTest {

    @TempDir
    Path temp;

    private int extract(byte[] tar) throws IOException {
        return TarArchive.extract(new ByteArrayInputStream(tar), temp.resolve("out"), name -> true, "test.tar");
    }

    private String read(String path) throws IOException {
        return Files.readString(temp.resolve("out").resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void extractsFilesDirectoriesAndContentOfEveryLength() throws IOException {
        String big = "x".repeat(1500);
        byte[] tar = new TestTar().directory("package/").file("package/a.txt", "alpha").file("package/empty", "")
                .file("package/sub/big.bin", big).file("./package/dot.txt", "dot").tar();
        assertEquals(4, extract(tar));
        assertEquals("alpha", read("package/a.txt"));
        assertEquals("", read("package/empty"));
        assertEquals(big, read("package/sub/big.bin"));
        assertEquals("dot", read("package/dot.txt"));
    }

    @Test
    void longNamesFromPaxAndGnuHeaders() throws IOException {
        String longName = "package/" + "d".repeat(120) + "/file.txt";
        String gnuName = "package/" + "g".repeat(130) + ".txt";
        extract(new TestTar().paxFile(longName, "pax").gnuLongFile(gnuName, "gnu").file("package/after", "plain")
                .tar());
        assertEquals("pax", read(longName));
        assertEquals("gnu", read(gnuName));
        assertEquals("plain", read("package/after"));
        assertFalse(Files.exists(temp.resolve("out/short-name-to-be-replaced")));
    }

    @Test
    void skipsLinksAndKeepsTheExecutableBit() throws IOException {
        assertEquals(1, extract(new TestTar().symlink("package/link", "a").executable("package/run.sh", "#!/bin/sh")
                .tar()));
        assertFalse(Files.exists(temp.resolve("out/package/link")));
        assertTrue(Files.isExecutable(temp.resolve("out/package/run.sh")));
    }

    @Test
    void extractsOnlySelectedEntries() throws IOException {
        byte[] tar = new TestTar().file("./usr/share/a", "A").file("./usr/share/b", "B").file("./usr/doc/c", "C")
                .tar();
        int files = TarArchive.extract(new ByteArrayInputStream(tar), temp.resolve("out"),
                List.of("usr/share/b")::contains, "test.tar");
        assertEquals(1, files);
        assertEquals("B", read("usr/share/b"));
        assertFalse(Files.exists(temp.resolve("out/usr/share/a")));
        assertFalse(Files.exists(temp.resolve("out/usr/doc")));
    }

    @Test
    void refusesEntriesOutsideTheDestination() {
        for (String evil : List.of("../evil.txt", "package/../../evil.txt", "/etc/evil.txt")) {
            byte[] tar = new TestTar().file(evil, "boom").tar();
            IOException e = assertThrows(IOException.class, () -> extract(tar), evil);
            assertTrue(e.getMessage().contains("outside") && e.getMessage().contains(evil), e.getMessage());
        }
        assertFalse(Files.exists(temp.resolve("evil.txt")));
    }

    @Test
    void truncatedArchivesAreReportedWithTheirName() {
        byte[] whole = new TestTar().file("package/a.txt", "y".repeat(2000)).tar();
        for (int cut : new int[] {100, 512 + 700, 512 + 2048}) {
            byte[] truncated = Arrays.copyOf(whole, cut);
            IOException e = assertThrows(IOException.class, () -> extract(truncated), "cut at " + cut);
            assertTrue(e.getMessage().contains("test.tar") && e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void aDamagedHeaderFailsTheChecksum() {
        byte[] tar = new TestTar().file("package/a.txt", "a").tar();
        tar[5] ^= 1;
        IOException e = assertThrows(IOException.class, () -> extract(tar));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void readsArchivesWrittenBySystemTar() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/tar")) || Files.isExecutable(Path.of("/usr/bin/tar")),
                "needs the system's tar to write reference archives");
        Path source = Files.createDirectories(temp.resolve("src/package/" + "n".repeat(110)));
        byte[] binary = new byte[70_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 + i / 7);
        }
        Files.write(source.resolve("data.bin"), binary);
        Files.writeString(temp.resolve("src/package/readme.txt"), "hello");
        for (String format : List.of("gnu", "pax", "ustar")) {
            Path archive = temp.resolve(format + ".tgz");
            Process p = new ProcessBuilder("tar", "--format=" + format, "-czf", archive.toString(), "-C",
                    temp.resolve("src").toString(), "package").redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                // ustar cannot hold the 110-character folder name; only that format may refuse it.
                assertEquals("ustar", format, log);
                continue;
            }
            Path out = temp.resolve("out-" + format);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
                assertEquals(2, TarArchive.extract(in, out, name -> true, archive.toString()));
            }
            assertArrayEquals(binary, Files.readAllBytes(out.resolve("package/" + "n".repeat(110) + "/data.bin")));
            assertEquals("hello", Files.readString(out.resolve("package/readme.txt")));
        }
    }
}
