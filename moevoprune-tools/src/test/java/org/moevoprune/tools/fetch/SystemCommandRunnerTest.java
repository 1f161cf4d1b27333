package org.moevoprune.tools.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real processes: fake npm, apt-get and dpkg-deb shell scripts on a fake PATH. */
class SystemCommandRunnerTest {

    @TempDir
    Path temp;

    private Path bin;
    private String path;

    @BeforeEach
    void fakeBin() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh to run the fake tools");
        bin = Files.createDirectories(temp.resolve("bin"));
        path = bin + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/bin";
    }

    private void script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        assertTrue(file.toFile().setExecutable(true));
    }

    @Test
    void aToolMissingFromThePathIsReportedWithTheToolsName() {
        PackageCache cache = PackageCache.at(temp.resolve("cache"), CommandRunner.system(bin.toString()));
        PackageFetchException e = assertThrows(PackageFetchException.class, () -> cache.npm("demo", "1.0.0"));
        assertTrue(e.getMessage().contains("needs 'npm'") && e.getMessage().contains(bin.toString()),
                e.getMessage());
        assertTrue(e.getCause() instanceof CommandRunner.CommandNotFoundException);
        assertFalse(Files.exists(temp.resolve("cache/packages/npm/demo-1.0.0")));
    }

    @Test
    void aFakeNpmOnThePathIsRunAndItsTarballUnpacked() throws IOException {
        Path tarball = temp.resolve("prepared.tgz");
        Files.write(tarball, new TestTar().file("package/index.js", "module.exports = 1;").tgz());
        script("npm", "[ \"$1 $2 $3\" = \"pack demo@1.0.0 --ignore-scripts\" ] || exit 9\n"
                + "cp '" + tarball + "' demo-1.0.0.tgz && echo demo-1.0.0.tgz");
        Path dir = PackageCache.at(temp.resolve("cache"), CommandRunner.system(path)).npm("demo", "1.0.0");
        assertEquals("module.exports = 1;", Files.readString(dir.resolve("package/index.js")));
    }

    @Test
    void aFailingToolsExitStatusAndLastLinesAreReported() throws IOException {
        script("npm", "i=0; while [ $i -lt 30 ]; do echo \"noise $i\" >&2; i=$((i+1)); done\n"
                + "echo 'npm error code E404' >&2; exit 3");
        PackageCache cache = PackageCache.at(temp.resolve("cache"), CommandRunner.system(path));
        PackageFetchException e = assertThrows(PackageFetchException.class, () -> cache.npm("demo", "1.0.0"));
        assertTrue(e.getMessage().contains("exited with status 3"), e.getMessage());
        assertTrue(e.getMessage().contains("npm error code E404") && e.getMessage().contains("noise 29")
                && !e.getMessage().contains("noise 3\n"), e.getMessage());
    }

    @Test
    void debianFilesStreamDpkgDebOutputThroughTheTarReader() throws IOException {
        Path tree = temp.resolve("tree.tar");
        Files.write(tree, new TestTar().file("./usr/share/doc/x/big.txt", "B".repeat(100_000))
                .file("./usr/share/doc/x/data/digits.png", "PNG").tar());
        script("apt-get", "[ \"$1\" = download ] && echo fake > \"$2_1.0_all.deb\"");
        script("dpkg-deb", "[ \"$1\" = --fsys-tarfile ] && [ -f \"$2\" ] && cat '" + tree + "'");
        Path dir = PackageCache.at(temp.resolve("cache"), CommandRunner.system(path))
                .debianFiles("demo-doc", List.of("usr/share/doc/x/data/digits.png"));
        assertEquals("PNG", Files.readString(dir.resolve("usr/share/doc/x/data/digits.png")));
        assertFalse(Files.exists(dir.resolve("usr/share/doc/x/big.txt")));
    }

    @Test
    void aStreamingToolsFailureIsReportedBeforeTheDamagedStream() throws IOException {
        script("apt-get", "echo fake > \"$2_1.0_all.deb\"");
        script("dpkg-deb", "printf 'garbage'; echo 'dpkg-deb: error: not a Debian format archive' >&2; exit 2");
        PackageCache cache = PackageCache.at(temp.resolve("cache"), CommandRunner.system(path));
        PackageFetchException e = assertThrows(PackageFetchException.class,
                () -> cache.debianFiles("demo-doc", List.of("usr/x")));
        assertTrue(e.getMessage().contains("not a Debian format archive") && e.getMessage().contains("status 2"),
                e.getMessage());
    }

    @Test
    void capturedOutputMergesStandardErrorAndOutput() throws IOException {
        script("both", "echo out; echo err >&2; exit 4");
        CommandRunner.Outcome outcome = CommandRunner.system(path).run(List.of("both"), temp, null);
        assertEquals(4, outcome.exitCode());
        assertEquals(List.of("err", "out"), outcome.output().lines().sorted().toList());
        assertEquals("out\nerr".lines().sorted().toList(), outcome.lastLines(5).lines().sorted().toList());
        try (var files = Files.list(temp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".log")), "log file left behind");
        }
    }
}
