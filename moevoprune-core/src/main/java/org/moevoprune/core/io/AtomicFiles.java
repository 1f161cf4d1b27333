package org.moevoprune.core.io;

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
 * Replaces a file all at once: the content goes to a hidden temporary file in the target's directory, is forced to
 * the device, and is then renamed over the target (atomically where the file system can). A failure at any point
 * deletes the temporary file and leaves an existing target untouched; a crash leaves at worst a stray
 * {@code .name.*.tmp} file, never a half-written target. Stateless and thread-safe; concurrent writers of the same
 * target do not corrupt it, the last rename wins.
 */
final class AtomicFiles {

    /** Writes the whole content of a file. */
    @FunctionalInterface
    interface Content {
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
    static void write(Path target, Content content) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath();
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
            writeAndForce(temporary, content);
            move(temporary, absolute);
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    private static void writeAndForce(Path temporary, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            content.writeTo(out);
            out.flush();
            // Without this a power cut after the rename could leave the new name pointing at unwritten blocks.
            channel.force(true);
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
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
