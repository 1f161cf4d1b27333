package org.moevoprune.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/** Opening input files with errors that tell a user what to do. Stateless. */
final class Inputs {

    private Inputs() {
    }

    /**
     * @param file the file to read
     * @return an open channel positioned at 0
     * @throws NoSuchFileException if there is no such file; the message gives the absolute path
     * @throws FeatureFileException if the path is a directory
     * @throws IOException if the file cannot be opened
     */
    static FileChannel open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new FeatureFileException(file, "is a directory: give the path of a feature file inside it");
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            NoSuchFileException clear = new NoSuchFileException(file.toString(), null,
                    "no such feature file (absolute path " + file.toAbsolutePath()
                            + "): check the path and the working directory");
            clear.initCause(e);
            throw clear;
        }
    }
}
