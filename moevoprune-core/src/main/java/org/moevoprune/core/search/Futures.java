package org.moevoprune.core.search;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Joining the evaluators' parallel work in candidate order. Stateless. */
final class Futures {

    private Futures() {
    }

    /**
     * @param futures one per candidate, in candidate order
     * @return their results in that order
     * @throws RuntimeException or {@link Error} the first failure's own cause, after cancelling the rest
     */
    static <T> List<T> joinAll(List<CompletableFuture<T>> futures) {
        try {
            return futures.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
