package org.moevoprune.spark;

import java.io.Serializable;
import org.moevoprune.core.search.SearchData;

/**
 * How the features of a search reach the executors: the value of one Spark broadcast per run, deserialised once per
 * executor JVM (Spark caches broadcast values per JVM), which opens the {@link SearchData} on first use and keeps it
 * for every later task of the run in that JVM.
 *
 * <p>Implementations are thread-safe: an executor runs several tasks at once.
 */
interface ExecutorData extends Serializable {

    /**
     * @return the features, opened on the first call in this JVM
     * @throws ExecutorDataException if the features cannot be opened here
     */
    SearchData data();

    /** @return a short description for messages, e.g. {@code "broadcast of 61.4 MB"} */
    String describe();
}
