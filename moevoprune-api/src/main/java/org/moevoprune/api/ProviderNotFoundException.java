package org.moevoprune.api;

/**
 * No provider fits a request; the message lists what was found, what was unavailable and why, and which artifact
 * to add.
 */
public final class ProviderNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the full explanation
     */
    public ProviderNotFoundException(String message) {
        super(message);
    }
}
