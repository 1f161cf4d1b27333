package org.moevoprune.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A feature or label file whose content is malformed: ragged CSV rows, a cell that is not a number, a label that
 * is not a class index, a truncated or unsupported {@code .npy} array, or files of one data set that disagree with
 * each other.
 *
 * <p>It extends {@link IOException} because the readers already throw {@code IOException} for files that cannot be
 * opened; a caller that does not care why a file could not be used catches one type. The message always starts
 * with the file, names the line, row or column where that applies, gives the expected and actual shape, and says
 * how to fix the file.
 */
public final class FeatureFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Kept as text because {@link Path} is not serialisable. */
    private final String file;

    /**
     * @param file the offending file
     * @param detail what is wrong, where, and how to fix it
     */
    FeatureFileException(Path file, String detail) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(detail, "detail"));
        this.file = file.toString();
    }

    /**
     * @param file the offending file
     * @param detail what is wrong, where, and how to fix it
     * @param cause the underlying failure
     */
    FeatureFileException(Path file, String detail, Throwable cause) {
        this(file, detail);
        initCause(cause);
    }

    /** @return the malformed file, as it was given to the reader */
    public Path file() {
        return Path.of(file);
    }
}
