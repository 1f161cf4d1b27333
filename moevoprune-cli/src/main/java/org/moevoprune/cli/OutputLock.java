package org.moevoprune.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Exclusive use of an output directory by one run: an operating-system lock ({@link FileChannel#tryLock()}) on
 * {@value #FILE} in the directory, held until {@link #close()}. The operating system releases the lock when the
 * process ends, however it ends, so a crashed or killed run never blocks the next one: a lock file left behind
 * without a held lock is simply taken over. The holder writes its process id, host and start time into the file,
 * so that a refused run can say who holds the directory.
 *
 * <p>The file is never deleted (deleting it would let a third run lock a new file while a second still holds the
 * old, unlinked one); it is emptied on release. Not thread-safe; one instance per run.
 */
final class OutputLock implements AutoCloseable {

    /** The lock file's name inside the output directory. */
    static final String FILE = ".moevoprune.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} if needed and locks it for this process.
     *
     * @param dir the output directory
     * @param option the option that named it, for the message ({@code --out})
     * @return the held lock; close it when the run ends
     * @throws IOException if the directory cannot be created or the lock file cannot be opened or written
     * @throws IllegalStateException if another run holds the directory, naming it by the details in the lock file
     */
    static OutputLock acquire(Path dir, String option) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another run in this same JVM
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new IllegalStateException(option + " " + dir + " is in use by another moevoprune run (" + holder
                    + "; lock file " + file + "): wait for it to finish, or give this run another " + option);
        }
        try {
            byte[] details = details().getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(details), 0);
            channel.force(true);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new OutputLock(channel, lock);
    }

    /** Releases the lock and empties the lock file. */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } finally {
            channel.close();
        }
    }

    /** @return this process's details, as written into the lock file */
    static String details() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "an unknown host";
            }
        }
        Instant start = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return "pid " + ProcessHandle.current().pid() + " on " + host + ", started "
                + start.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The holder's details from the lock file, or a note when they are not (yet) readable. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 1024));
            int read = 0;
            while (buffer.hasRemaining() && read >= 0) {
                read = channel.read(buffer, buffer.position());
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "its details are not written yet" : text.replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "its details cannot be read: " + e.getMessage();
        }
    }
}
