package org.moevoprune.cli;

import java.nio.file.Path;

/** Holds the output lock of a directory in a child JVM until its standard input closes or it is killed. */
final class LockHolder {

    private LockHolder() {
    }

    /** @param args the directory to lock */
    public static void main(String[] args) throws Exception {
        try (OutputLock lock = OutputLock.acquire(Path.of(args[0]), "--out")) {
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
