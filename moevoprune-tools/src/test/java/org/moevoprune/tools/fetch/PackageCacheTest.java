package org.moevoprune.tools.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCacheTest {

    @TempDir
    Path root;

    private final FakeTools tools = new FakeTools();

    private PackageCache cache() {
        return PackageCache.at(root, tools);
    }

    private List<String> hiddenLeftovers(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.endsWith(".lock"))
                    .collect(Collectors.toList());
        }
    }

    @Test
    void npmPackageIsPackedUnpackedAndMarked() throws IOException {
        tools.npmTarball = new TestTar().file("package/package.json", "{}").file("package/src/a.js", "a").tgz();
        Path dir = cache().npm("demo", "1.2.3");
        assertEquals(root.resolve("packages/npm/demo-1.2.3"), dir);
        assertEquals("a", Files.readString(dir.resolve("package/src/a.js")));
        assertTrue(PackageCache.isComplete(dir));
        String marker = Files.readString(dir.resolve(PackageCache.MARKER));
        assertTrue(marker.contains("package=demo@1.2.3") && marker.contains("files=2"), marker);
        assertEquals(List.of(List.of("npm", "pack", "demo@1.2.3", "--ignore-scripts")), tools.commands);
        assertEquals(List.of(), hiddenLeftovers(dir.getParent()));
    }

    @Test
    void aCompletePackageIsNotFetchedAgain() throws IOException {
        tools.npmTarball = new TestTar().file("package/x", "1").tgz();
        Path first = cache().npm("demo", "1.0.0");
        tools.npmTarball = new TestTar().file("package/x", "2").tgz();
        Path second = cache().npm("demo", "1.0.0");
        assertEquals(first, second);
        assertEquals(1, tools.count("npm"));
        assertEquals("1", Files.readString(second.resolve("package/x")));
    }

    @Test
    void aDirectoryWithoutMarkerAndStaleWorkFoldersAreRedone() throws IOException {
        Path target = cache().npmDirectory("demo", "1.0.0");
        Files.createDirectories(target.resolve("package"));
        Files.writeString(target.resolve("package/half-written"), "junk");
        Path staleWork = Files.createDirectories(target.resolveSibling(".demo-1.0.0.work-123/staging"));
        tools.npmTarball = new TestTar().file("package/x", "fresh").tgz();
        cache().npm("demo", "1.0.0");
        assertEquals("fresh", Files.readString(target.resolve("package/x")));
        assertFalse(Files.exists(target.resolve("package/half-written")));
        assertFalse(Files.exists(staleWork));
        assertEquals(1, tools.count("npm"));
    }

    @Test
    void aFailingToolLeavesNoTargetAndReportsItsOutputAndTheManualCommand() throws IOException {
        tools.exitCode = 1;
        tools.output = numberedLines(40) + "npm ERR! 404 Not Found - demo@9.9.9";
        PackageFetchException e = assertThrows(PackageFetchException.class, () -> cache().npm("demo", "9.9.9"));
        String m = e.getMessage();
        assertTrue(m.contains("'npm pack demo@9.9.9 --ignore-scripts' exited with status 1"), m);
        assertTrue(m.contains("404 Not Found") && m.contains("line 39") && !m.contains("line 10\n"), m);
        assertTrue(m.contains("npm pack demo@9.9.9 && mkdir -p " + root.resolve("packages/npm/demo-9.9.9")), m);
        assertFalse(Files.exists(root.resolve("packages/npm/demo-9.9.9")));
        assertEquals(List.of(), hiddenLeftovers(root.resolve("packages/npm")));
    }

    @Test
    void aFailedRefetchKeepsTheOldDirectory() throws IOException {
        Path target = cache().npmDirectory("demo", "1.0.0");
        Files.createDirectories(target.resolve("package"));
        Files.writeString(target.resolve("package/x"), "old");
        tools.npmTarball = new TestTar().file("package/x", "truncat").tgz();
        tools.npmTarball = Arrays.copyOf(tools.npmTarball, tools.npmTarball.length - 12);
        assertThrows(IOException.class, () -> cache().npm("demo", "1.0.0"));
        assertEquals("old", Files.readString(target.resolve("package/x")));
        assertFalse(PackageCache.isComplete(target));
    }

    @Test
    void aMissingToolIsNamedWithHowToInstallIt() {
        CommandRunner none = (command, directory, stdout) -> {
            throw new CommandRunner.CommandNotFoundException(command.get(0), "/nowhere");
        };
        PackageCache cache = PackageCache.at(root, none);
        PackageFetchException npm = assertThrows(PackageFetchException.class, () -> cache.npm("demo", "1.0.0"));
        assertTrue(npm.getMessage().contains("needs 'npm'") && npm.getMessage().contains("apt-get install npm")
                && npm.getMessage().contains("/nowhere"), npm.getMessage());
        PackageFetchException deb = assertThrows(PackageFetchException.class, () -> cache.debian("demo-data"));
        assertTrue(deb.getMessage().contains("needs 'apt-get'")
                && deb.getMessage().contains("apt-get download demo-data"), deb.getMessage());
    }

    @Test
    void debianPackageIsDownloadedAndExtracted() throws IOException {
        tools.debTree = new TestTar().directory("./").directory("./usr/").file("./usr/share/data/a.txt", "A")
                .file("./usr/share/doc/b.txt", "B").tar();
        Path dir = cache().debian("demo-data");
        assertEquals(root.resolve("packages/deb/demo-data"), dir);
        assertEquals("A", Files.readString(dir.resolve("usr/share/data/a.txt")));
        assertEquals("B", Files.readString(dir.resolve("usr/share/doc/b.txt")));
        assertEquals("apt-get", tools.commands.get(0).get(0));
        assertEquals(List.of("dpkg-deb", "-x"), tools.commands.get(1).subList(0, 2));
        cache().debian("demo-data");
        assertEquals(1, tools.count("apt-get"));
    }

    @Test
    void selectedDebianFilesAreStreamedThroughTheFilter() throws IOException {
        tools.debTree = new TestTar().file("./usr/share/big/huge.bin", "H".repeat(5000))
                .file("./usr/share/data/digits.png", "PNG").tar();
        Path dir = cache().debianFiles("demo-doc", List.of("usr/share/data/digits.png"));
        assertEquals("PNG", Files.readString(dir.resolve("usr/share/data/digits.png")));
        assertFalse(Files.exists(dir.resolve("usr/share/big")));
        assertEquals(List.of("dpkg-deb", "--fsys-tarfile"), tools.commands.get(1).subList(0, 2));
        // The selection is cached; asking for the whole package fetches it, which then serves the selection too.
        cache().debianFiles("demo-doc", List.of("usr/share/data/digits.png"));
        assertEquals(1, tools.count("apt-get"));
        cache().debian("demo-doc");
        assertTrue(Files.exists(dir.resolve("usr/share/big/huge.bin")));
        cache().debianFiles("demo-doc", List.of("usr/share/data/digits.png"));
        cache().debian("demo-doc");
        assertEquals(2, tools.count("apt-get"));
    }

    @Test
    void aFileMissingFromTheDebianPackageIsNamed() {
        tools.debTree = new TestTar().file("./usr/share/data/other.png", "x").tar();
        PackageFetchException e = assertThrows(PackageFetchException.class,
                () -> cache().debianFiles("demo-doc", List.of("usr/share/data/digits.png")));
        assertTrue(e.getMessage().contains("has no file usr/share/data/digits.png"), e.getMessage());
        assertFalse(Files.exists(root.resolve("packages/deb/demo-doc")));
    }

    @Test
    void invalidNamesAndPathsAreRefusedBeforeAnyCommandRuns() {
        PackageCache cache = cache();
        assertThrows(IllegalArgumentException.class, () -> cache.npm("../etc", "1.0.0"));
        assertThrows(IllegalArgumentException.class, () -> cache.npm("demo", "^1.0"));
        assertThrows(IllegalArgumentException.class, () -> cache.debian("Bad Name"));
        assertThrows(IllegalArgumentException.class, () -> cache.debianFiles("demo", List.of("../x")));
        assertThrows(IllegalArgumentException.class, () -> cache.debianFiles("demo", List.of("/usr/x")));
        assertThrows(IllegalArgumentException.class, () -> cache.debianFiles("demo", List.of()));
        assertEquals(List.of(), tools.commands);
    }

    @Test
    void concurrentRequestsFetchOnce() throws Exception {
        tools.npmTarball = new TestTar().file("package/x", "1").tgz();
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Path> fetch = () -> {
                    start.await();
                    return PackageCache.at(root, tools).npm("demo", "1.0.0");
                };
                results.add(pool.submit(fetch));
            }
            start.countDown();
            for (Future<Path> r : results) {
                assertEquals(root.resolve("packages/npm/demo-1.0.0"), r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, tools.count("npm"));
    }

    @Test
    void defaultRootIsTheVariableOrTheUserCache() {
        Path defaultRoot = PackageCache.defaultRoot();
        String configured = System.getenv(PackageCache.CACHE_VARIABLE);
        if (configured == null || configured.isBlank()) {
            assertEquals(Path.of(System.getProperty("user.home"), ".cache", "moevoprune"), defaultRoot);
        } else {
            assertEquals(Path.of(configured), defaultRoot);
        }
    }

    private static String numberedLines(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("line ").append(i).append('\n');
        }
        return text.toString();
    }
}
