package org.moevoprune.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class of the test class path in a separate JVM: for locks held by another process, real heap limits and kills. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param main the class whose {@code main} runs
     * @param jvmOptions options for the JVM, e.g. {@code -Xmx64m}
     * @param args the program's arguments
     * @param log where standard error goes (standard output stays readable through the process)
     * @return the started process
     */
    static Process start(Class<?> main, List<String> jvmOptions, List<String> args, Path log) throws IOException {
        return builder(main, jvmOptions, args).redirectError(log.toFile()).start();
    }

    /** As {@link #start(Class, List, List, Path)}, with both outputs appended to files. */
    static Process start(Class<?> main, List<String> jvmOptions, List<String> args, Path log, Path out)
            throws IOException {
        return builder(main, jvmOptions, args).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
    }

    private static ProcessBuilder builder(Class<?> main, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return builder;
    }

    /** @return a reader of the process's standard output */
    static BufferedReader stdout(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
