package org.moevoprune.spark;

import java.io.Serializable;
import org.moevoprune.core.search.Folds;
import org.moevoprune.core.search.SearchData;

/**
 * How the features of a search reach the executors: the value of one Spark broadcast per data fingerprint,
 * deserialised once per executor JVM (Spark caches broadcast values per JVM), which opens the {@link SearchData} on
 * first use and keeps it for every later task in that JVM. With k-fold fitness it keeps the folds of those data too
 * ({@link #folds}), so that each executor deals them once instead of once per task.
 *
 * <p>Implementations are thread-safe: an executor runs several tasks at once.
 */
abstract class ExecutorData implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The folds last dealt in this JVM, or {@code null}; guarded by {@code this}. */
    private transient FoldsEntry folds;
    /** How many times this JVM's copy dealt folds; guarded by {@code this}. */
    private transient int foldBuilds;

    /** The folds of one (count, seed): a run asks for one only, so one entry bounds the memory they hold. */
    private record FoldsEntry(int count, long seed, Folds folds) {
    }

    /**
     * @return the features, opened on the first call in this JVM
     * @throws ExecutorDataException if the features cannot be opened here
     */
    public abstract SearchData data();

    /** @return a short description for messages, e.g. {@code "broadcast of 61.4 MB"} */
    public abstract String describe();

    /**
     * The k-fold partition of these data ({@link Folds#of}), dealt on the first call in this JVM and kept for the
     * calls with the same count and seed; another count or seed replaces it (at most one partition is held: each
     * fold holds a copy of its rows of the training split, K copies in all). Concurrent first calls deal it once.
     *
     * @param count K ≥ 2
     * @param seed the partition's seed
     * @return the folds
     * @throws ExecutorDataException if the features cannot be opened here
     */
    final synchronized Folds folds(int count, long seed) {
        FoldsEntry entry = folds;
        if (entry == null || entry.count() != count || entry.seed() != seed) {
            entry = new FoldsEntry(count, seed, Folds.of(data(), count, seed));
            folds = entry;
            foldBuilds++;
        }
        return entry.folds();
    }

    /** @return how many times this JVM's copy dealt folds (what the cache saves is visible in tests) */
    final synchronized int foldBuilds() {
        return foldBuilds;
    }
}
