package org.moevoprune.tools.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Writes small tar archives for the tests: ustar headers, pax and GNU long names. */
final class TestTar {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TestTar file(String name, String content) {
        return entry(name, '0', content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    TestTar executable(String name, String content) {
        return entry(name, '0', content.getBytes(StandardCharsets.UTF_8), 0755);
    }

    TestTar directory(String name) {
        return entry(name, '5', new byte[0], 0755);
    }

    TestTar symlink(String name, String target) {
        byte[] header = header(name, '2', 0, 0777);
        byte[] link = target.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(link, 0, header, 157, link.length);
        checksum(header);
        out.writeBytes(header);
        return this;
    }

    /** A file whose name is given by a pax extended header (header 'x' with a path record). */
    TestTar paxFile(String name, String content) {
        String record = "path=" + name + "\n";
        int length = record.length() + 2;
        while (String.valueOf(length).length() + 1 + record.length() != length) {
            length++;
        }
        String text = length + " " + record;
        entry("PaxHeaders/x", 'x', text.getBytes(StandardCharsets.UTF_8), 0644);
        return entry("short-name-to-be-replaced", '0', content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    /** A file whose name is given by a GNU long-name entry ('L'). */
    TestTar gnuLongFile(String name, String content) {
        byte[] bytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        entry("././@LongLink", 'L', bytes, 0644);
        return entry(name.substring(0, 99), '0', content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    TestTar entry(String name, char type, byte[] data, int mode) {
        out.writeBytes(header(name, type, data.length, mode));
        out.writeBytes(data);
        out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        return this;
    }

    byte[] tar() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(new byte[1024]);
        return copy.toByteArray();
    }

    byte[] tgz() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(tar());
        }
        return bytes.toByteArray();
    }

    private static byte[] header(String name, char type, long size, int mode) {
        byte[] header = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 100) {
            throw new IllegalArgumentException("name too long for a plain header: " + name);
        }
        System.arraycopy(n, 0, header, 0, n.length);
        put(header, 100, String.format("%07o", mode));
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", size));
        put(header, 136, "00000000000");
        header[156] = (byte) type;
        put(header, 257, "ustar");
        put(header, 263, "00");
        checksum(header);
        return header;
    }

    private static void checksum(byte[] header) {
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
