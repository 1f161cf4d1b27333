package org.moevoprune.core.testing.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;

/**
 * Runs a file reader on thousands of damaged copies of valid files and checks that it fails only as documented.
 *
 * <p>Each case damages one {@link FuzzTarget} of a case directory with {@link FuzzMutator} (the other files keep
 * their valid content), then calls the reader on a worker thread. A case passes when the reader returns, or throws
 * one of the allowed exception types with a message that names the damaged file. It fails when anything else
 * escapes (a runtime exception, {@link OutOfMemoryError}, {@link StackOverflowError}), when the reader has not
 * returned within the per-case timeout (the run then stops), when the reading thread allocates more than the
 * allocation budget (allocation before validation, caught even where the heap would have been large enough), or
 * when any file of the case directory other than the damaged one changes, or a file appears (a sentinel file stands
 * for the outputs a reader must never touch). All failures are collected and reported together, each with the
 * mutations that made it: case {@code i} of seed {@code s} is reproduced exactly by running with
 * {@code -Dmoevoprune.fuzz.seed=s -Dmoevoprune.fuzz.only=i}.
 *
 * <p>The number of cases is {@code -Dmoevoprune.fuzz.cases} when set (the nightly setting, e.g. 100000, also set by
 * the {@code fuzz} Maven profile), else the default each test gives. Not thread-safe: one run at a time.
 */
public final class FuzzHarness {

    /** The system property that overrides every test's default case count. */
    public static final String CASES_PROPERTY = "moevoprune.fuzz.cases";
    /** The system property that sets the master seed. */
    public static final String SEED_PROPERTY = "moevoprune.fuzz.seed";
    /** The system property that runs a single case, to reproduce a reported failure. */
    public static final String ONLY_PROPERTY = "moevoprune.fuzz.only";
    /** The master seed unless {@value #SEED_PROPERTY} is set: every build fuzzes the same inputs. */
    public static final long DEFAULT_SEED = 20_260_110L;

    private static final String SENTINEL = "untouched-output.bin";
    private static final int MAX_REPORTED = 15;

    /** Reads the case: called with the damaged file and the case index (to vary the reader's options). */
    @FunctionalInterface
    public interface Reader {
        /**
         * @param damaged the file damaged in this case
         * @param caseIndex the case number
         * @throws Exception whatever the reader throws; the harness judges it
         */
        void read(Path damaged, int caseIndex) throws Exception;
    }

    /**
     * The outcome of a run.
     *
     * @param name the run's name
     * @param cases cases run
     * @param accepted cases the reader accepted
     * @param refused per allowed exception type (simple name), the cases it refused
     * @param millis wall time
     * @param maxAllocated the most bytes one case allocated on the reading thread, or -1 if not measurable
     */
    public record Report(String name, int cases, int accepted, Map<String, Integer> refused, long millis,
            long maxAllocated) {

        /** Copies the map. */
        public Report {
            refused = Map.copyOf(refused);
        }

        /**
         * @return whether the damaged inputs reached both outcomes, some accepted and some refused, as a useful
         *     mix of mutations does; always true for runs of fewer than 100 cases (a single reproduced case)
         */
        public boolean exercisedBothOutcomes() {
            return cases < 100 || (accepted > 0 && !refused.isEmpty());
        }
    }

    private final Builder settings;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> refused = new TreeMap<>();
    private int accepted;
    private long maxAllocated = -1;
    private ExecutorService worker;

    private FuzzHarness(Builder settings) {
        this.settings = settings;
    }

    /**
     * @param defaultCases the test's own case count
     * @return {@value #CASES_PROPERTY} if set, else {@code defaultCases}
     */
    public static int cases(int defaultCases) {
        String value = System.getProperty(CASES_PROPERTY, "");
        return value.isBlank() ? defaultCases : Integer.parseInt(value.strip());
    }

    /**
     * @param name names the run in reports, e.g. {@code "csv"}
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(Objects.requireNonNull(name, "name"));
    }

    private Report run() throws IOException {
        Path dir = settings.directory;
        for (Map.Entry<String, byte[]> fixed : settings.fixedFiles.entrySet()) {
            write(dir.resolve(fixed.getKey()), fixed.getValue());
        }
        for (FuzzTarget target : settings.targets) {
            write(dir.resolve(target.path()), target.encode(target.seed(0)));
        }
        byte[] sentinel = new byte[4096];
        new SplittableRandom(settings.seed).nextBytes(sentinel);
        write(dir.resolve(SENTINEL), sentinel);
        worker = newWorker();
        long start = System.nanoTime();
        int first = settings.only >= 0 ? settings.only : 0;
        int end = settings.only >= 0 ? settings.only + 1 : settings.cases;
        FuzzTarget damaged = null;
        try {
            for (int i = first; i < end && failures.size() < MAX_REPORTED; i++) {
                damaged = runCase(i, damaged, sentinel);
                if (worker == null) {
                    break;
                }
            }
        } finally {
            if (worker != null) {
                worker.shutdownNow();
            }
        }
        Report report = new Report(settings.name, end - first, accepted, refused,
                (System.nanoTime() - start) / 1_000_000, maxAllocated);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + (failures.size() >= MAX_REPORTED ? "+" : "")
                    + " fuzz failures in " + report + ":\n" + String.join("\n", failures));
        }
        return report;
    }

    /** @return the target damaged by this case */
    private FuzzTarget runCase(int index, FuzzTarget previous, byte[] sentinel) throws IOException {
        SplittableRandom random = new SplittableRandom(mix(settings.seed, index));
        FuzzTarget target = settings.targets.get(random.nextInt(settings.targets.size()));
        if (previous != null && previous != target) {
            write(settings.directory.resolve(previous.path()), previous.encode(previous.seed(0)));
        }
        byte[] input = target.seed(random.nextInt(target.seedCount()));
        byte[] other = target.seed(random.nextInt(target.seedCount()));
        StringBuilder log = new StringBuilder();
        FuzzMutator mutator = new FuzzMutator(target.sizeFields(), Math.max(1 << 16, 4 * target.longestSeed()));
        byte[] bytes = target.encode(mutator.mutate(input, other, random, log));
        Path file = settings.directory.resolve(target.path());
        write(file, bytes);
        Map<String, String> before = snapshot();
        String where = "case " + index + " (seed " + settings.seed + ", " + target.path() + ", " + bytes.length
                + " bytes; " + log.toString().strip() + ")";
        judge(where, file, index, caseBytes(before));
        if (worker == null) {
            return target;
        }
        Map<String, String> after = snapshot();
        if (!after.equals(before) || !Arrays.equals(sentinel, Files.readAllBytes(settings.directory.resolve(
                SENTINEL)))) {
            failures.add(where + ": the reader changed the case directory: before " + before + ", after " + after);
        }
        return target;
    }

    private record Result(Throwable thrown, long allocated) {
    }

    private void judge(String where, Path file, int index, long caseBytes) {
        Future<Result> future = worker.submit(() -> {
            long before = AllocatedBytes.ofCurrentThread();
            Throwable thrown = null;
            try {
                settings.reader.read(file, index);
            } catch (Throwable t) {
                thrown = t;
            }
            long after = AllocatedBytes.ofCurrentThread();
            return new Result(thrown, before < 0 || after < 0 ? -1 : after - before);
        });
        Result result;
        try {
            result = future.get(settings.timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = null;
            failures.add(where + ": no result within " + settings.timeout + " (a hang?); run stopped");
            return;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(where + ": the worker thread failed", e);
        }
        maxAllocated = Math.max(maxAllocated, result.allocated());
        long budget = settings.budget == null ? Long.MAX_VALUE : settings.budget.applyAsLong(caseBytes);
        if (result.allocated() > budget) {
            failures.add(where + ": the reading thread allocated " + result.allocated() + " bytes for a case of "
                    + caseBytes + " bytes (budget " + budget + "): allocation before validation?");
        }
        Throwable thrown = result.thrown();
        if (thrown == null) {
            accepted++;
        } else if (settings.allowed.stream().noneMatch(type -> type.isInstance(thrown))) {
            failures.add(where + ": " + thrown.getClass().getName() + " escaped, allowed are " + settings.allowed
                    + ":\n" + stackTrace(thrown));
        } else if (thrown.getMessage() == null || !thrown.getMessage().contains(file.toString())) {
            failures.add(where + ": the message does not name " + file + ": " + thrown);
        } else {
            refused.merge(thrown.getClass().getSimpleName(), 1, Integer::sum);
        }
    }

    /** @return every file of the case directory with its size and modification time */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(settings.directory)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String key = settings.directory.relativize(p).toString();
                files.put(key, Files.isDirectory(p) ? "dir"
                        : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }

    private static long caseBytes(Map<String, String> snapshot) {
        return snapshot.values().stream().filter(v -> !v.equals("dir"))
                .mapToLong(v -> Long.parseLong(v.substring(0, v.indexOf('@')))).sum();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes);
    }

    /** SplitMix64's finaliser over the seed and the case: independent, reproducible generators per case. */
    private static long mix(long seed, int index) {
        long z = seed + 0x9E37_79B9_7F4A_7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        return String.join("\n", Arrays.copyOf(lines, Math.min(lines.length, 14)));
    }

    /** Settings of a run; every setter checks its argument. */
    public static final class Builder {
        private final String name;
        private Path directory;
        private final List<FuzzTarget> targets = new ArrayList<>();
        private final Map<String, byte[]> fixedFiles = new TreeMap<>();
        private Reader reader;
        private final List<Class<? extends Throwable>> allowed = new ArrayList<>();
        private int cases = FuzzHarness.cases(1000);
        private long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        private final int only = Integer.getInteger(ONLY_PROPERTY, -1);
        private Duration timeout = Duration.ofSeconds(20);
        private LongUnaryOperator budget = bytes -> 64 * bytes + (64L << 20);

        private Builder(String name) {
            this.name = name;
        }

        /**
         * @param directory an empty directory for the case files (a JUnit {@code @TempDir})
         * @return this
         */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param target a file to damage; with several, each case picks one
         * @return this
         */
        public Builder target(FuzzTarget target) {
            targets.add(Objects.requireNonNull(target, "target"));
            return this;
        }

        /**
         * @param path a file the reader needs besides the targets, relative to the directory; never damaged
         * @param content its content
         * @return this
         */
        public Builder fixedFile(String path, byte[] content) {
            fixedFiles.put(Objects.requireNonNull(path, "path"), content.clone());
            return this;
        }

        /**
         * @param reader the reader under test
         * @return this
         */
        public Builder reader(Reader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * @param types the documented exception types (and their subclasses) the reader may throw
         * @return this
         */
        @SafeVarargs
        public final Builder allow(Class<? extends Throwable>... types) {
            allowed.addAll(Arrays.asList(types));
            return this;
        }

        /**
         * @param cases the number of cases, ≥ 1 (pass {@link FuzzHarness#cases(int)} to honour the property)
         * @return this
         */
        public Builder cases(int cases) {
            if (cases < 1) {
                throw new IllegalArgumentException("cases must be ≥ 1, got " + cases);
            }
            this.cases = cases;
            return this;
        }

        /**
         * @param timeout the longest one case may take before it counts as a hang
         * @return this
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param budget the bytes the reading thread may allocate, given the total size of the case's files (the
         *     default is 64 times that plus 64 MiB); {@code null} for readers that work on other threads
         * @return this
         */
        public Builder allocationBudget(LongUnaryOperator budget) {
            this.budget = budget;
            return this;
        }

        /**
         * Runs the cases.
         *
         * @return the report
         * @throws AssertionError listing every failed case
         * @throws IOException if the case files cannot be written
         * @throws IllegalStateException if a required setting is missing
         */
        public Report run() throws IOException {
            if (directory == null || targets.isEmpty() || reader == null || allowed.isEmpty()) {
                throw new IllegalStateException("a fuzz run needs a directory, at least one target, a reader and the "
                        + "allowed exception types");
            }
            return new FuzzHarness(this).run();
        }
    }
}
