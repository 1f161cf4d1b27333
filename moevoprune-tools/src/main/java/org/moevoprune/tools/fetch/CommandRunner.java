package org.moevoprune.tools.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Runs the external tools of the fetcher ({@code npm}, {@code apt-get}, {@code dpkg-deb}). {@link PackageCache}
 * calls it from the thread that asked for a package; implementations must allow calls from several threads.
 * Tests pass their own runner, or {@link #system(String)} with a fake search path.
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs a command to completion.
     *
     * @param command the program name (looked up on the search path) and its arguments
     * @param directory the working directory
     * @param stdout reads the command's standard output as it is produced, or {@code null} to capture standard
     *        output together with standard error into {@link Outcome#output()}
     * @return the exit status and the captured text (standard error only when {@code stdout} is given)
     * @throws CommandNotFoundException if the program is not on the search path
     * @throws IOException if the command cannot be started, or {@code stdout} fails
     */
    Outcome run(List<String> command, Path directory, OutputReader stdout) throws IOException;

    /**
     * The runner of real processes, looking programs up on this process's {@code PATH}.
     *
     * @return the runner
     */
    static CommandRunner system() {
        return new SystemCommandRunner(Objects.requireNonNullElse(System.getenv("PATH"), ""));
    }

    /**
     * The runner of real processes, looking programs up on {@code searchPath}, which is also the commands'
     * {@code PATH}.
     *
     * @param searchPath folders separated by {@link java.io.File#pathSeparator}
     * @return the runner
     */
    static CommandRunner system(String searchPath) {
        return new SystemCommandRunner(Objects.requireNonNull(searchPath, "searchPath"));
    }

    /** Consumes a command's standard output. */
    @FunctionalInterface
    interface OutputReader {
        /**
         * @param stdout the output; read it to the end (a command blocks when its output is not read)
         * @throws IOException if reading or processing fails
         */
        void read(InputStream stdout) throws IOException;
    }

    /**
     * What a finished command left.
     *
     * @param exitCode its exit status, 0 for success
     * @param output its captured text
     */
    record Outcome(int exitCode, String output) {
        /** @throws NullPointerException if {@code output} is null */
        public Outcome {
            Objects.requireNonNull(output, "output");
        }

        /**
         * @param lines how many lines to keep
         * @return the last {@code lines} lines of the output
         */
        public String lastLines(int lines) {
            String[] all = output.strip().split("\\R");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", Arrays.asList(all).subList(from, all.length));
        }
    }

    /** The program of a command is not installed, or not on the search path. */
    final class CommandNotFoundException extends IOException {
        private static final long serialVersionUID = 1L;

        private final String program;

        /**
         * @param program the program that was looked for
         * @param searchPath where it was looked for
         */
        public CommandNotFoundException(String program, String searchPath) {
            super("'" + program + "' was not found on the PATH (" + searchPath + ")");
            this.program = program;
        }

        /** @return the program that was looked for */
        public String program() {
            return program;
        }
    }
}
