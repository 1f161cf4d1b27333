package org.moevoprune.cli;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Locks a directory in a child JVM and holds the lock until its standard input closes or it is killed; prints
 * {@code locked <pid>}, or {@code refused <message>} when another process holds the directory.
 */
final class LockHolder {

    private LockHolder() {
    }

    /** @param args the directory to lock */
    public static void main(String[] args) throws Exception {
        OutputLock lock;
        try {
            lock = OutputLock.acquire(Path.of(args[0]), "--out");
        } catch (IllegalStateException e) {
            System.out.println("refused " + e.getMessage());
            return;
        }
        try (lock) {
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
