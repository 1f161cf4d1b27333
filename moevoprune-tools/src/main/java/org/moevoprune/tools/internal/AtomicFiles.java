package org.moevoprune.tools.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Replaces a file all at once, for the tools' own files (converted models, fetched packages, heat-map pictures):
 * the content goes to a hidden temporary file beside the target, is forced to the device and is then renamed over
 * the target (atomically where the file system can). On failure the temporary file is deleted and an existing
 * target is left untouched. The tools keep this small helper of their own so that they use only the exported API
 * of the other modules. Stateless and thread-safe; of concurrent writers of one target the last rename wins.
 */
public final class AtomicFiles {

    /** Writes the whole content of a file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the destination; buffered, closed by the caller
         * @throws IOException if writing fails; the target is then left as it was
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom NAMES = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * @param target the file to create or replace
     * @param content writes the new content
     * @throws IOException if the content cannot be written or moved into place; the target is unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path absolute = Objects.requireNonNull(target, "target").toAbsolutePath();
        Path directory = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + " is a directory: give the path of the file to write");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw new NoSuchFileException(String.valueOf(directory), null,
                    "cannot write " + target + ": the directory does not exist; create it first");
        }
        Path temporary = directory.resolve("." + absolute.getFileName() + "." + Long.toHexString(NAMES.nextLong())
                + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                // Forced before the rename, so that a power cut cannot leave the name on unwritten blocks.
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // The original failure is the one to report; a stray hidden .tmp file is harmless.
        }
    }
}
