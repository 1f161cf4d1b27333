package org.moevoprune.tools.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link CommandRunner} that plays npm, apt-get and dpkg-deb without a network: {@code npm pack n@v} leaves
 * {@code n-v.tgz} with the given archive, {@code apt-get download p} leaves {@code p_1.0_all.deb}, and
 * {@code dpkg-deb} extracts (or streams) the given tar as the package's file tree. Records every command.
 */
final class FakeTools implements CommandRunner {

    final List<List<String>> commands = Collections.synchronizedList(new ArrayList<>());
    byte[] npmTarball;
    byte[] debTree;
    int exitCode;
    String output = "";

    @Override
    public Outcome run(List<String> command, Path directory, OutputReader stdout) throws IOException {
        commands.add(List.copyOf(command));
        if (exitCode != 0) {
            return new Outcome(exitCode, output);
        }
        switch (command.get(0)) {
            case "npm" -> {
                String spec = command.get(2);
                Files.write(directory.resolve(spec.replace('@', '-') + ".tgz"), npmTarball);
            }
            case "apt-get" -> Files.writeString(directory.resolve(command.get(2) + "_1.0_all.deb"), "!<arch>");
            case "dpkg-deb" -> {
                if (command.get(1).equals("-x")) {
                    TarArchive.extract(new ByteArrayInputStream(debTree), Path.of(command.get(3)), n -> true, "deb");
                } else {
                    stdout.read(new ByteArrayInputStream(debTree));
                }
            }
            default -> throw new CommandNotFoundException(command.get(0), "fake");
        }
        return new Outcome(0, output);
    }

    long count(String program) {
        synchronized (commands) {
            return commands.stream().filter(c -> c.get(0).equals(program)).count();
        }
    }
}
