package org.moevoprune.cli;

import java.nio.file.Path;

/**
 * The Java heap a {@code prune} run needs, estimated from its data and settings, and the advice printed when the
 * heap is too small. The estimate is {@value #MARGIN} times the sum of what the run holds at its peak (the report,
 * after the search):
 * <ul>
 *   <li>the feature matrices of the three splits, 4·F·(N<sub>train</sub> + N<sub>test</sub> + N<sub>OoD</sub>)
 *       bytes, and the two halves of the evaluation split the greedy ensemble is fitted and scored on
 *       (4·F·N<sub>test</sub>);</li>
 *   <li>one dense head, 4·(F·H + H·C) bytes, per head kept (the population of every run and the offspring of a
 *       step: a kept head has on average half the features, in two copies) and {@value #COPIES_PER_THREAD} per busy training thread
 *       (weights, momentum, best weights, initial weights);</li>
 *   <li>{@value #FIXED_MIB} MiB for the JVM and the libraries.</li>
 * </ul>
 * Calibrated on measured runs, the smallest {@code -Xmx} that passed (README, "Reliability"): 19 MiB for
 * 600×64 features, 148 MiB for 6000×1280 (306 MiB with population 90), 904 MiB for 60000×2048; the estimate lies
 * 6–70 % above these, the most for the smallest data. The native (ND4J) head keeps its weights off the heap, so
 * with it the estimate is on the safe side. Immutable.
 *
 * @param trainRows N<sub>train</sub>
 * @param testRows N<sub>test</sub>
 * @param oodRows N<sub>OoD</sub> (0 without OoD data)
 * @param features F
 * @param classes C
 * @param hidden H
 * @param heads heads kept at once: runs × population + offspring per step
 * @param threads training threads busy at once: the thread count, at most the offspring per step
 */
record MemoryNeed(int trainRows, int testRows, int oodRows, int features, int classes, int hidden, int heads,
        int threads) {

    private static final long MIB = 1L << 20;
    /** The JVM and the libraries, in MiB (measured on the smallest data: 19 MiB). */
    static final int FIXED_MIB = 24;
    /** Dense-head copies per busy training thread. */
    static final int COPIES_PER_THREAD = 4;
    /** The factor over the sum of the parts. */
    static final double MARGIN = 1.1;

    /** @return the estimated heap, in bytes */
    long bytes() {
        long data = 4L * features * ((long) trainRows + 2L * testRows + oodRows);
        long head = 4L * ((long) features * hidden + (long) hidden * classes);
        long sum = FIXED_MIB * MIB + data + head * (heads + (long) COPIES_PER_THREAD * threads);
        return (long) Math.ceil(MARGIN * sum);
    }

    /** @return the estimate as an {@code -Xmx} value: MiB rounded up to 64 MiB, in {@code m} or {@code g} */
    String xmx() {
        return xmx(bytes());
    }

    static String xmx(long bytes) {
        long mib = (bytes + MIB - 1) / MIB;
        mib = (mib + 63) / 64 * 64;
        return mib % 1024 == 0 ? mib / 1024 + "g" : mib + "m";
    }

    static String mib(long bytes) {
        return (bytes + MIB - 1) / MIB + " MiB";
    }

    /** How to give the JVM the heap {@code xmx}: the command-line option and the environment variable. */
    static String howToGive(String xmx) {
        return "run java with -Xmx" + xmx + " (java -Xmx" + xmx + " -jar moevoprune.jar ...) or set "
                + "JAVA_TOOL_OPTIONS=-Xmx" + xmx;
    }

    /**
     * @param maxHeap the heap limit of this JVM ({@link Runtime#maxMemory()})
     * @return the refusal to start when the estimate exceeds {@code maxHeap}
     */
    String refusal(long maxHeap) {
        return "this run needs about " + mib(bytes()) + " of Java heap (" + this + ") but the heap limit is "
                + mib(maxHeap) + ": " + howToGive(xmx()) + "; --skip-memory-check starts it anyway";
    }

    /** What a run was doing when it ran out of memory. */
    enum Stage {
        /** Reading and checking the feature files: nothing was written yet. */
        READING("while reading the feature files"),
        /** The search: its checkpoints keep every finished step. */
        SEARCH("during the search"),
        /** Writing front.csv, front.json and history.csv after the search. */
        RESULTS("while writing the results"),
        /** The ensembles, the exported head and report.html, after the results were written. */
        REPORT("while making the report");

        private final String words;

        Stage(String words) {
            this.words = words;
        }
    }

    /**
     * The one line for an {@link OutOfMemoryError}, saying what was kept and how much heap to give.
     *
     * @param need the estimate, or {@code null} when the data were not read yet
     * @param stage what the run was doing
     * @param inputBytes the size of the feature files on disk, for an estimate before they are read
     * @param maxHeap the heap limit
     * @param dir the output directory
     * @return the message
     */
    static String outOfMemory(MemoryNeed need, Stage stage, long inputBytes, long maxHeap, Path dir) {
        long wanted = Math.max(need != null ? need.bytes() : FIXED_MIB * MIB + 2 * inputBytes,
                maxHeap + maxHeap / 2);
        String kept = switch (stage) {
            case READING -> "nothing was written; rerun with more heap";
            case SEARCH -> "the checkpoints in " + dir + " keep every finished step; rerun the same command with "
                    + "--resume and more heap";
            case RESULTS -> "the search finished and its checkpoints in " + dir + " are complete; rerun the same "
                    + "command with --resume (it does not search again) and more heap";
            case REPORT -> "the search finished and front.csv, front.json and history.csv are written in " + dir
                    + "; for the report rerun the same command with --resume (it does not search again) and more "
                    + "heap";
        };
        return "out of memory " + stage.words + " (heap limit " + mib(maxHeap)
                + (need != null ? ", estimated need " + mib(need.bytes()) : ", feature files " + mib(inputBytes)
                + " on disk") + "): " + kept + ": " + howToGive(xmx(wanted));
    }

    @Override
    public String toString() {
        return "features " + trainRows + "+" + testRows + "+" + oodRows + " x " + features + ", " + classes
                + " classes, " + hidden + " hidden units, " + heads + " heads kept, " + threads + " thread"
                + (threads == 1 ? "" : "s");
    }
}
