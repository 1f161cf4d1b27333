package org.moevoprune.tools.fetch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** File-system chores of the package cache: locking, replacing and deleting directories. Thread-safe. */
final class CacheDirectories {

    /**
     * One lock object per lock file in this JVM. A {@link FileLock} excludes other processes only: a second
     * thread of the same JVM asking for it gets {@link java.nio.channels.OverlappingFileLockException}, so threads
     * queue here first. The map only grows by one entry per package directory ever fetched.
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private CacheDirectories() {
    }

    /** Work that runs while the lock is held. */
    @FunctionalInterface
    interface Locked<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding the lock file exclusively, against threads of this JVM and other processes. */
    static <T> T withLock(Path lockFile, Locked<T> work) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                return work.run();
            } finally {
                lock.release();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    /**
     * Puts {@code staging} in the place of {@code target}: the old target, if any, is first renamed aside, so that
     * {@code target} is missing only for the instant between two renames, then deleted.
     */
    static void replace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            move(target, old);
        }
        move(staging, target);
        if (old != null) {
            deleteRecursively(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes the leftovers of interrupted fetches of {@code target}: hidden siblings named after it. */
    static void deleteLeftovers(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && !name.endsWith(".lock");
        })) {
            siblings.forEach(leftovers::add);
        }
        for (Path leftover : leftovers) {
            deleteRecursively(leftover);
        }
    }

    /** Deletes a file or a directory tree; symbolic links are deleted, not followed. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
