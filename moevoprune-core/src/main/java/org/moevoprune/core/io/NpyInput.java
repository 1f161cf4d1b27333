package org.moevoprune.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of one NumPy array being read: a plain {@code .npy} file or an entry of an {@code .npz} archive. Counts
 * the bytes it hands out, and makes the {@link FeatureFileException}s that name the file (and the entry). Not
 * thread-safe; does not own the channel.
 */
final class NpyInput {

    final Path file;
    /** The archive entry, or null for a plain {@code .npy} file. */
    final String entry;
    private final ReadableByteChannel channel;
    private long position;

    NpyInput(ReadableByteChannel channel, Path file, String entry, long position) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.file = Objects.requireNonNull(file, "file");
        this.entry = entry;
        this.position = position;
    }

    /**
     * Fills {@code buffer} up to its limit.
     *
     * @param what what is being read, for the message
     * @throws FeatureFileException if the bytes end first
     * @throws IOException if reading fails
     */
    void readFully(ByteBuffer buffer, String what) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer);
            if (n < 0) {
                throw error((entry == null ? "the file" : "the entry") + " ends inside the " + what + " (after "
                        + position + " bytes): " + (entry == null ? "the file is truncated; write it again"
                        : "the archive is truncated or damaged; write it again"));
            }
            position += n;
        }
    }

    /** @return the bytes handed out so far (plus the starting position) */
    long position() {
        return position;
    }

    /**
     * @param detail what is wrong and how to fix it
     * @return an exception naming the file and, in an archive, the entry
     */
    FeatureFileException error(String detail) {
        return new FeatureFileException(file, (entry == null ? "" : "entry '" + entry + "': ") + detail);
    }

    /**
     * @param detail what is wrong and how to fix it
     * @param cause the underlying failure
     * @return an exception naming the file and, in an archive, the entry
     */
    FeatureFileException error(String detail, Throwable cause) {
        FeatureFileException e = error(detail);
        e.initCause(cause);
        return e;
    }
}
