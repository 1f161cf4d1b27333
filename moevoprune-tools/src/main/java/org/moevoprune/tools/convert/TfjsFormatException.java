package org.moevoprune.tools.convert;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A TensorFlow.js model file is malformed or unsupported; the message names the file, what is wrong and the fix.
 */
public final class TfjsFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file at fault. */
    private final transient Path file;

    /**
     * @param file the file at fault
     * @param message what is wrong with it, and the fix
     */
    public TfjsFormatException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    /**
     * @param file the file at fault
     * @param message what is wrong with it, and the fix
     * @param cause the underlying error
     */
    public TfjsFormatException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** @return the file at fault */
    public Path file() {
        return file;
    }
}
