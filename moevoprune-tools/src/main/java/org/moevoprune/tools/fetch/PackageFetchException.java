package org.moevoprune.tools.fetch;

import java.io.IOException;

/**
 * A package could not be fetched: a tool is missing or failed, or what it produced is unusable. The message holds
 * the tool's last output lines and the commands that fetch the package by hand.
 */
public final class PackageFetchException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed and how to fix it */
    public PackageFetchException(String message) {
        super(message);
    }

    /**
     * @param message what failed and how to fix it
     * @param cause the underlying failure
     */
    public PackageFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
