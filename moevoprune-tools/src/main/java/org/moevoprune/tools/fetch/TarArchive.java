package org.moevoprune.tools.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Extracts tar archives (POSIX ustar with pax extended headers, and GNU long names), as written by {@code npm pack}
 * and {@code dpkg-deb --fsys-tarfile}. Regular files and directories are extracted; links, devices and other entry
 * types are skipped (the packages fetched here have none that matter). Entries that would land outside the
 * destination (absolute names, {@code ..}) are refused. Stateless.
 */
final class TarArchive {

    private static final int BLOCK = 512;

    private TarArchive() {
    }

    /**
     * @param tar the archive, read to its end-of-archive marker
     * @param destination the folder to extract into; created if missing
     * @param select which entry names (relative, {@code /}-separated, without a leading {@code ./}) to extract
     * @param what the archive's description for messages
     * @return the number of regular files extracted
     * @throws IOException if the archive is damaged or truncated, or a file cannot be written
     */
    static int extract(InputStream tar, Path destination, Predicate<String> select, String what)
            throws IOException {
        Path root = destination.toAbsolutePath().normalize();
        Files.createDirectories(root);
        byte[] header = new byte[BLOCK];
        String longName = null;
        int files = 0;
        long offset = 0;
        while (true) {
            if (!readBlock(tar, header, what)) {
                throw new IOException(what + " is truncated: it ends at byte " + offset + " without the tar"
                        + " end-of-archive marker; fetch it again");
            }
            offset += BLOCK;
            if (isZero(header)) {
                return files;
            }
            checkSum(header, what, offset - BLOCK);
            char type = (char) header[156];
            long size = size(header, what, offset - BLOCK);
            String name = longName != null ? longName : name(header);
            longName = null;
            if (type == 'x' || type == 'L') {
                byte[] data = readData(tar, size, what);
                longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data);
            } else if ((type == '0' || type == '\0' || type == '7') && select.test(relative(name))) {
                Path target = resolve(root, name, what);
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    copy(tar, out, size, what);
                }
                if ((octal(header, 100, 8) & 0100) != 0) {
                    target.toFile().setExecutable(true);
                }
                files++;
                skip(tar, padding(size), what);
            } else if (type == '5' && select.test(relative(name))) {
                Files.createDirectories(resolve(root, name, what));
                skip(tar, size + padding(size), what);
            } else {
                skip(tar, size + padding(size), what);
            }
            offset += size + padding(size);
        }
    }

    private static String relative(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n;
    }

    private static Path resolve(Path root, String name, String what) throws IOException {
        String relative = relative(name);
        Path target = root.resolve(relative).normalize();
        if (relative.startsWith("/") || !target.startsWith(root)) {
            throw new IOException(what + " holds the entry '" + name + "', which would be written outside " + root
                    + ": refusing to extract an unsafe archive");
        }
        return target;
    }

    private static String name(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r';
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** @return the {@code path} record of a pax extended header, or null */
    private static String paxPath(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int pos = 0;
        while (pos < text.length()) {
            int space = text.indexOf(' ', pos);
            if (space < 0) {
                break;
            }
            int length = Integer.parseInt(text.substring(pos, space));
            String record = text.substring(space + 1, pos + length - 1);
            if (record.startsWith("path=")) {
                return record.substring(5);
            }
            pos += length;
        }
        return null;
    }

    private static long size(byte[] header, String what, long offset) throws IOException {
        if ((header[124] & 0x80) != 0) {
            // GNU base-256 encoding for sizes of 8 GiB and more.
            long value = header[124] & 0x7F;
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (header[i] & 0xFF);
            }
            return value;
        }
        long value = octal(header, 124, 12);
        if (value < 0) {
            throw new IOException(what + " has a damaged tar header at byte " + offset + " (bad size field)");
        }
        return value;
    }

    private static void checkSum(byte[] header, String what, long offset) throws IOException {
        long expected = octal(header, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xFF;
        }
        if (expected != sum) {
            throw new IOException(what + " is not a valid tar archive: the header at byte " + offset
                    + " has a wrong checksum; the download is damaged, fetch it again");
        }
    }

    /** @return the octal number in the field, or -1 if it holds anything else */
    private static long octal(byte[] header, int from, int length) {
        long value = 0;
        int i = from;
        int end = from + length;
        while (i < end && header[i] == ' ') {
            i++;
        }
        boolean any = false;
        for (; i < end && header[i] >= '0' && header[i] <= '7'; i++) {
            value = value * 8 + (header[i] - '0');
            any = true;
        }
        for (; i < end; i++) {
            if (header[i] != ' ' && header[i] != 0) {
                return -1;
            }
        }
        return any ? value : 0;
    }

    private static String cString(byte[] bytes, int from, int length) {
        int end = from;
        while (end < from + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, from, end - from, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    /** @return false if the stream ended before the first byte of the block */
    private static boolean readBlock(InputStream in, byte[] block, String what) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new EOFException(what + " is truncated: it ends inside a tar header; fetch it again");
        }
        return true;
    }

    private static byte[] readData(InputStream in, long size, String what) throws IOException {
        if (size > 1 << 20) {
            throw new IOException(what + " has an extended header of " + size + " bytes: the archive is damaged");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException(what + " is truncated inside an extended header");
        }
        skip(in, padding(size), what);
        return data;
    }

    private static void copy(InputStream in, OutputStream out, long size, String what) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException(what + " is truncated: a file ends " + left + " bytes early; fetch it again");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long bytes, String what) throws IOException {
        try {
            in.skipNBytes(bytes);
        } catch (EOFException e) {
            throw new EOFException(what + " is truncated: it ends inside an entry; fetch it again");
        }
    }
}
