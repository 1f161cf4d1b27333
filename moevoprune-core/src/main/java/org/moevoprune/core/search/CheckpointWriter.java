package org.moevoprune.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import org.moevoprune.core.result.CheckpointFiles;
import org.moevoprune.core.result.RunState;

/**
 * Saves a run's state every {@code every} steps (step 0, the initial population, included) and when it stops.
 * Immutable.
 */
final class CheckpointWriter implements StepObserver {

    private final Path file;
    private final int every;
    private final CheckpointFiles.Identity identity;

    CheckpointWriter(Path file, int every, CheckpointFiles.Identity identity) {
        this.file = Objects.requireNonNull(file, "file");
        this.identity = Objects.requireNonNull(identity, "identity");
        if (every < 1) {
            throw new IllegalArgumentException("checkpoint interval must be ≥ 1 step, got " + every);
        }
        this.every = every;
    }

    @Override
    public void stepped(RunState state) {
        if (state.step() % every == 0) {
            write(state);
        }
    }

    @Override
    public void stopped(RunState state) {
        write(state);
    }

    private void write(RunState state) {
        try {
            CheckpointFiles.write(file, state, identity);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint " + file
                    + ": check that the directory is writable and has space", e);
        }
    }
}
