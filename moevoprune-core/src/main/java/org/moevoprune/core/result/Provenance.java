package org.moevoprune.core.result;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where and with what a result was computed: the library and JVM, the machine, the sparse head provider and the
 * compute kernel it ran, the backbone that made the features and a fingerprint of those features, and when. Every
 * result file and exported model records it ({@link #fields()}).
 *
 * <p>Immutable and thread-safe. Assemble one with {@link #builder()} (or {@link #thisJvm()}, which fills in this
 * JVM); the library, JVM, machine and head fields are required, the others optional (files of format version 1
 * lack them).
 */
public final class Provenance {

    private final String library;
    private final String java;
    private final String vm;
    private final String os;
    private final int processors;
    private final String headId;
    private final String head;
    private final String kernel;
    private final String backbone;
    private final String dataFingerprint;
    private final Instant timestamp;

    private Provenance(Builder b) {
        this.library = b.library;
        this.java = b.java;
        this.vm = b.vm;
        this.os = b.os;
        this.processors = b.processors;
        this.headId = b.headId;
        this.head = b.head;
        this.kernel = b.kernel;
        this.backbone = b.backbone;
        this.dataFingerprint = b.dataFingerprint;
        this.timestamp = b.timestamp;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding the library version, Java runtime, VM, operating system and processors of this JVM */
    public static Builder thisJvm() {
        return new Builder().library(libraryVersion()).java(Runtime.version().toString())
                .vm(System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")")
                .os(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"))
                .processors(Runtime.getRuntime().availableProcessors());
    }

    /** @return a builder holding this provenance's values */
    public Builder toBuilder() {
        Builder b = new Builder().library(library).java(java).vm(vm).os(os).processors(processors).headId(headId)
                .head(head);
        b.kernel = kernel;
        b.backbone = backbone;
        b.dataFingerprint = dataFingerprint;
        b.timestamp = timestamp;
        return b;
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

    /** @return the moevoprune version */
    public String library() {
        return library;
    }

    /** @return the Java runtime version */
    public String java() {
        return java;
    }

    /** @return the JVM name and vendor */
    public String vm() {
        return vm;
    }

    /** @return operating system name, version and architecture */
    public String os() {
        return os;
    }

    /** @return available processors */
    public int processors() {
        return processors;
    }

    /** @return the id of the sparse head provider, e.g. {@code "java"} */
    public String headId() {
        return headId;
    }

    /** @return the sparse head provider as {@code id: description} */
    public String head() {
        return head;
    }

    /**
     * @return the compute kernel the head ran, e.g. {@code "vector (512-bit)"} or {@code "scalar"}, when the provider
     *     says
     */
    public Optional<String> kernel() {
        return Optional.ofNullable(kernel);
    }

    /** @return the id of the backbone that made the features, when the search read them from one */
    public Optional<String> backbone() {
        return Optional.ofNullable(backbone);
    }

    /** @return the 64-bit fingerprint of the search's data (hexadecimal), as checkpoints record it */
    public Optional<String> dataFingerprint() {
        return Optional.ofNullable(dataFingerprint);
    }

    /** @return when the result was made */
    public Optional<Instant> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    /**
     * The provenance as named fields, in this order: {@code library, java, vm, os, processors} (an {@link Integer}),
     * {@code headId, head}, then, when present, {@code kernel, backbone, dataFingerprint} and {@code timestamp}
     * (ISO-8601, {@link Instant#toString()}); every other value is a string. This is the form result files and
     * exported models write; {@link #fromFields(Map)} reads it back.
     *
     * @return the fields, in order
     */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("library", library);
        m.put("java", java);
        m.put("vm", vm);
        m.put("os", os);
        m.put("processors", processors);
        m.put("headId", headId);
        m.put("head", head);
        kernel().ifPresent(v -> m.put("kernel", v));
        backbone().ifPresent(v -> m.put("backbone", v));
        dataFingerprint().ifPresent(v -> m.put("dataFingerprint", v));
        timestamp().ifPresent(v -> m.put("timestamp", v.toString()));
        return m;
    }

    /**
     * Reads the fields {@link #fields()} writes. {@code processors} may be a number or its decimal text. Without
     * {@code headId} (format version 1) the id is the part of {@code head} before {@code ": "}.
     *
     * @param fields the fields
     * @return the provenance
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static Provenance fromFields(Map<String, ?> fields) {
        Builder b = builder().library(text(fields, "library")).java(text(fields, "java")).vm(text(fields, "vm"))
                .os(text(fields, "os")).processors(processors(fields.get("processors"))).head(text(fields, "head"));
        String head = text(fields, "head");
        b.headId(fields.containsKey("headId") ? text(fields, "headId")
                : head.contains(": ") ? head.substring(0, head.indexOf(": ")) : head);
        if (fields.get("kernel") != null) {
            b.kernel(text(fields, "kernel"));
        }
        if (fields.get("backbone") != null) {
            b.backbone(text(fields, "backbone"));
        }
        if (fields.get("dataFingerprint") != null) {
            b.dataFingerprint(text(fields, "dataFingerprint"));
        }
        if (fields.get("timestamp") != null) {
            try {
                b.timestamp(Instant.parse(text(fields, "timestamp")));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("timestamp: '" + fields.get("timestamp")
                        + "' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
        }
        return b.build();
    }

    private static String text(Map<String, ?> fields, String key) {
        Object v = fields.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(key + ": expected a string, found " + (v == null ? "nothing" : v));
        }
        return s;
    }

    private static int processors(Object v) {
        try {
            long n = v instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(v));
            if (n < 1 || n > Integer.MAX_VALUE || (v instanceof Double d && d != n)) {
                throw new NumberFormatException();
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("processors: expected a positive integer, found " + v);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Provenance p && fields().equals(p.fields());
    }

    @Override
    public int hashCode() {
        return fields().hashCode();
    }

    @Override
    public String toString() {
        return "Provenance" + fields();
    }

    /** Assembles a {@link Provenance}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String library;
        private String java;
        private String vm;
        private String os;
        private int processors;
        private String headId;
        private String head;
        private String kernel;
        private String backbone;
        private String dataFingerprint;
        private Instant timestamp;

        private Builder() {
        }

        /**
         * @param value the moevoprune version
         * @return this builder
         */
        public Builder library(String value) {
            library = Objects.requireNonNull(value, "library");
            return this;
        }

        /**
         * @param value the Java runtime version
         * @return this builder
         */
        public Builder java(String value) {
            java = Objects.requireNonNull(value, "java");
            return this;
        }

        /**
         * @param value the JVM name and vendor
         * @return this builder
         */
        public Builder vm(String value) {
            vm = Objects.requireNonNull(value, "vm");
            return this;
        }

        /**
         * @param value operating system name, version and architecture
         * @return this builder
         */
        public Builder os(String value) {
            os = Objects.requireNonNull(value, "os");
            return this;
        }

        /**
         * @param value available processors, ≥ 1
         * @return this builder
         */
        public Builder processors(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("processors must be ≥ 1, got " + value);
            }
            processors = value;
            return this;
        }

        /**
         * @param value the sparse head provider's id
         * @return this builder
         */
        public Builder headId(String value) {
            headId = requireText(value, "headId");
            return this;
        }

        /**
         * @param value the sparse head provider as {@code id: description}
         * @return this builder
         */
        public Builder head(String value) {
            head = Objects.requireNonNull(value, "head");
            return this;
        }

        /**
         * @param value the compute kernel the head ran, e.g. {@code "scalar"}
         * @return this builder
         */
        public Builder kernel(String value) {
            kernel = requireText(value, "kernel");
            return this;
        }

        /**
         * @param value the id of the backbone that made the features
         * @return this builder
         */
        public Builder backbone(String value) {
            backbone = requireText(value, "backbone");
            return this;
        }

        /**
         * @param value the data fingerprint as 1 to 16 lower-case hexadecimal digits
         * @return this builder
         */
        public Builder dataFingerprint(String value) {
            if (value == null || !value.matches("[0-9a-f]{1,16}")) {
                throw new IllegalArgumentException("dataFingerprint: expected 1 to 16 lower-case hexadecimal digits, "
                        + "got " + value);
            }
            dataFingerprint = value;
            return this;
        }

        /**
         * @param value the data fingerprint
         * @return this builder
         */
        public Builder dataFingerprint(long value) {
            return dataFingerprint(Long.toHexString(value));
        }

        /**
         * @param value when the result was made
         * @return this builder
         */
        public Builder timestamp(Instant value) {
            timestamp = Objects.requireNonNull(value, "timestamp");
            return this;
        }

        /**
         * @return the provenance
         * @throws IllegalStateException if a required field (library, java, vm, os, processors, headId, head) is unset
         */
        public Provenance build() {
            if (library == null || java == null || vm == null || os == null || processors == 0 || headId == null
                    || head == null) {
                throw new IllegalStateException("provenance needs library, java, vm, os, processors, headId and head; "
                        + "start from Provenance.thisJvm() and set headId and head");
            }
            return new Provenance(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must be non-blank text, got " + value);
            }
            return value;
        }
    }
}
