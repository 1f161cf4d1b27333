package org.moevoprune.tools.fetch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs real processes. Captured output goes to a temporary file in the working directory instead of a pipe, so no
 * extra thread is needed to keep a chatty command from blocking. Thread-safe (stateless apart from the path).
 */
final class SystemCommandRunner implements CommandRunner {

    private final String searchPath;

    SystemCommandRunner(String searchPath) {
        this.searchPath = searchPath;
    }

    @Override
    public Outcome run(List<String> command, Path directory, OutputReader stdout) throws IOException {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, locate(command.get(0)).toString());
        ProcessBuilder builder = new ProcessBuilder(resolved).directory(directory.toFile());
        builder.environment().put("PATH", searchPath);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path log = Files.createTempFile(directory, ".command-", ".log");
        try {
            if (stdout == null) {
                builder.redirectErrorStream(true).redirectOutput(log.toFile());
            } else {
                builder.redirectError(log.toFile());
            }
            Process process = builder.start();
            try {
                if (stdout != null) {
                    try (InputStream in = process.getInputStream()) {
                        stdout.read(in);
                        // Drain what the reader left, so that the command is not blocked on a full pipe.
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
                int exit = process.waitFor();
                return new Outcome(exit, Files.readString(log, StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + String.join(" ", command), e);
            } finally {
                process.destroy();
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private Path locate(String program) throws CommandNotFoundException {
        if (program.contains(File.separator)) {
            Path path = Path.of(program);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw new CommandNotFoundException(program, searchPath);
        }
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new CommandNotFoundException(program, searchPath);
    }
}
