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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive use of an output directory by one run: an operating-system lock ({@link FileChannel#tryLock()}) on
 * {@value #FILE} in the directory, held until {@link #close()}. The operating system releases the lock when the
 * process ends, however it ends, so a crashed or killed run never blocks the next one: a lock file left behind
 * without a held lock is simply taken over. The holder writes its process id, host and start time into the file,
 * so that a refused run can say who holds the directory.
 *
 * <p>The file is never deleted (deleting it would let a third run lock a new file while a second still holds the
 * old, unlinked one); it is emptied on release. Within one JVM the lock files held are also kept in a table, and a
 * second lock of a held directory is refused from that table without opening the file: on POSIX systems, closing
 * any descriptor of a file releases every lock the process holds on it, so merely probing the file would free the
 * first run's lock. The instance is not thread-safe (one per run); {@link #acquire} is.
 */
final class OutputLock implements AutoCloseable {

    /** The lock file's name inside the output directory. */
    static final String FILE = ".moevoprune.lock";

    /** The lock files this JVM holds, by real path, with the details written into them. */
    private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
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
        Path file = dir.toRealPath().resolve(FILE);
        String details = details();
        String holder = HELD.putIfAbsent(file, details);
        if (holder != null) {
            throw inUse(option, dir, holder, file);
        }
        try {
            return lock(file, details, option, dir);
        } catch (IOException | RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    private static OutputLock lock(Path file, String details, String option, Path dir) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // locked in this JVM by other code than this class
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw inUse(option, dir, holder, file);
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(details.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new OutputLock(file, channel, lock);
    }

    private static IllegalStateException inUse(String option, Path dir, String holder, Path file) {
        return new IllegalStateException(option + " " + dir + " is in use by another moevoprune run (" + holder
                + "; lock file " + file + "): wait for it to finish, or give this run another " + option);
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
            HELD.remove(file);
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
