package org.moevoprune.core.search;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Where and with what a result was computed.
 *
 * @param library the moevoprune version
 * @param java the Java runtime version
 * @param vm the JVM name and vendor
 * @param os operating system name, version and architecture
 * @param processors available processors
 * @param head the sparse head provider ({@code id: description})
 */
public record Provenance(String library, String java, String vm, String os, int processors, String head) {

    /**
     * @param head the head provider description
     * @return the provenance of this JVM
     */
    public static Provenance current(String head) {
        return new Provenance(libraryVersion(), Runtime.version().toString(),
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), head);
    }

    /** @return the library version from the build, or {@code "unknown"} when run from unpackaged classes */
    public static String libraryVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/org/moevoprune/core/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
