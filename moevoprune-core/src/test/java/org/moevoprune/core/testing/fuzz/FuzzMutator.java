package org.moevoprune.core.testing.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Damages bytes the ways files get damaged and attacked: bit flips, overwritten bytes, truncation, deleted,
 * duplicated and inserted byte ranges, binary integers and decimal numbers overwritten with extreme values, size
 * fields that lie, and splices of two inputs. Every choice comes from the generator passed in, so a case is
 * reproduced from its seed alone. Stateless apart from the immutable size fields; thread-safe.
 */
public final class FuzzMutator {

    /** A binary size or count field at a fixed offset, the favourite place for a lie. */
    public record SizeField(int offset, int width, ByteOrder order) {

        /** Checks the field. */
        public SizeField {
            if (offset < 0 || (width != 1 && width != 2 && width != 4 && width != 8) || order == null) {
                throw new IllegalArgumentException("a size field needs an offset ≥ 0, a width of 1, 2, 4 or 8 bytes"
                        + " and a byte order; got offset " + offset + ", width " + width + ", order " + order);
            }
        }
    }

    /** Integers that break size arithmetic: zero, signs, the edges of byte, short, int and long. */
    static final long[] EXTREME_INTEGERS = {0, 1, -1, 2, 127, 128, 255, 256, 32_767, 32_768, 65_535, 65_536,
        1_000_000, 1_000_000_000, Integer.MAX_VALUE, 1L << 31, 0xFFFF_FFFFL, 1L << 32, Long.MAX_VALUE,
        Long.MIN_VALUE, Integer.MIN_VALUE};

    /** Decimal spellings that break number parsers and the sizes read from them. */
    static final String[] EXTREME_NUMBERS = {"0", "-0", "-1", "1", "2", "16", "0.5", "-0.5", "1e3", "2147483647",
        "2147483648", "-2147483649", "4294967296", "9223372036854775807", "9223372036854775808",
        "99999999999999999999999", "1e308", "1e309", "-1e308", "1e-400", "NaN", "Infinity", "-Infinity", "1000000",
        "0".repeat(40), "1" + "0".repeat(40), "0." + "0".repeat(40) + "1", "", "-", ".", "1e", "+1", "0x10"};

    private static final byte[] INTERESTING_BYTES = {0, (byte) 0xFF, 0x7F, (byte) 0x80, '0', '9', '-', '+', '.',
        ',', ';', '"', '\'', '[', ']', '{', '}', '(', ')', ':', '\n', '\r', '\t', ' ', 'e', 'E', '\\', (byte) 0xC3};

    private static final int OPERATIONS = 11;

    private final List<SizeField> sizeFields;
    private final int maxLength;

    /**
     * @param sizeFields binary size fields of the format, targeted by the size-lie mutation; may be empty
     * @param maxLength the longest output (duplications and insertions stop growing an input beyond it)
     */
    public FuzzMutator(List<SizeField> sizeFields, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be ≥ 1, got " + maxLength);
        }
        this.sizeFields = List.copyOf(sizeFields);
        this.maxLength = maxLength;
    }

    /**
     * Applies one to three mutations.
     *
     * @param input the bytes to damage; not modified
     * @param other a second input of the same kind, for splicing
     * @param random the generator that makes every choice
     * @param log receives a short description of each mutation applied, for reproducing a failure
     * @return the damaged bytes
     */
    public byte[] mutate(byte[] input, byte[] other, SplittableRandom random, StringBuilder log) {
        byte[] bytes = input.clone();
        int count = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
        for (int i = 0; i < count; i++) {
            bytes = once(bytes, other, random, log);
        }
        return bytes;
    }

    private byte[] once(byte[] bytes, byte[] other, SplittableRandom random, StringBuilder log) {
        int op = random.nextInt(OPERATIONS);
        if (bytes.length == 0 && op != 6 && op != 10) {
            op = 6;
        }
        return switch (op) {
            case 0 -> flipBits(bytes, random, log);
            case 1 -> setBytes(bytes, random, log);
            case 2 -> truncate(bytes, random, log);
            case 3 -> deleteRange(bytes, random, log);
            case 4 -> duplicateRange(bytes, random, log);
            case 5 -> binaryInteger(bytes, random, log);
            case 6 -> insertRandom(bytes, random, log);
            case 7, 8 -> decimalNumber(bytes, random, log);
            case 9 -> sizeFieldLie(bytes, random, log);
            default -> splice(bytes, other, random, log);
        };
    }

    private static byte[] flipBits(byte[] bytes, SplittableRandom random, StringBuilder log) {
        int flips = 1 + random.nextInt(4);
        log.append("flip");
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(bytes.length);
            int bit = random.nextInt(8);
            bytes[at] ^= (byte) (1 << bit);
            log.append(' ').append(at).append('.').append(bit);
        }
        log.append("; ");
        return bytes;
    }

    private static byte[] setBytes(byte[] bytes, SplittableRandom random, StringBuilder log) {
        int count = 1 + random.nextInt(4);
        log.append("set");
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(bytes.length);
            bytes[at] = random.nextBoolean() ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]
                    : (byte) random.nextInt(256);
            log.append(' ').append(at).append('=').append(bytes[at] & 0xFF);
        }
        log.append("; ");
        return bytes;
    }

    private static byte[] truncate(byte[] bytes, SplittableRandom random, StringBuilder log) {
        int length = random.nextBoolean() ? random.nextInt(Math.min(bytes.length, 64) + 1)
                : random.nextInt(bytes.length);
        log.append("truncate to ").append(length).append("; ");
        return Arrays.copyOf(bytes, length);
    }

    private static byte[] deleteRange(byte[] bytes, SplittableRandom random, StringBuilder log) {
        int from = random.nextInt(bytes.length);
        int length = 1 + random.nextInt(Math.min(bytes.length - from, random.nextBoolean() ? 8 : bytes.length));
        log.append("delete ").append(from).append('+').append(length).append("; ");
        return concat(Arrays.copyOfRange(bytes, 0, from), Arrays.copyOfRange(bytes, from + length, bytes.length));
    }

    private byte[] duplicateRange(byte[] bytes, SplittableRandom random, StringBuilder log) {
        int from = random.nextInt(bytes.length);
        int length = 1 + random.nextInt(Math.min(bytes.length - from, random.nextBoolean() ? 16 : bytes.length));
        length = Math.max(0, Math.min(length, maxLength - bytes.length));
        int at = random.nextInt(bytes.length + 1);
        int times = random.nextInt(8) == 0 ? 1 + random.nextInt(64) : 1;
        log.append("duplicate ").append(from).append('+').append(length).append(" x").append(times).append(" at ")
                .append(at).append("; ");
        byte[] piece = Arrays.copyOfRange(bytes, from, from + length);
        List<byte[]> parts = new ArrayList<>();
        parts.add(Arrays.copyOfRange(bytes, 0, at));
        for (int i = 0; i < times && (long) (i + 1) * length + bytes.length <= maxLength; i++) {
            parts.add(piece);
        }
        parts.add(Arrays.copyOfRange(bytes, at, bytes.length));
        return concat(parts.toArray(new byte[0][]));
    }

    private byte[] insertRandom(byte[] bytes, SplittableRandom random, StringBuilder log) {
        int length = Math.min(1 + random.nextInt(64), Math.max(0, maxLength - bytes.length));
        byte[] inserted = new byte[length];
        for (int i = 0; i < length; i++) {
            inserted[i] = random.nextBoolean() ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]
                    : (byte) random.nextInt(256);
        }
        int at = random.nextInt(bytes.length + 1);
        log.append("insert ").append(length).append(" at ").append(at).append("; ");
        return concat(Arrays.copyOfRange(bytes, 0, at), inserted, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    /** Headers sit at the start: half of the writes land in the first 64 bytes. */
    private static byte[] binaryInteger(byte[] bytes, SplittableRandom random, StringBuilder log) {
        int width = new int[] {1, 2, 4, 8}[random.nextInt(4)];
        if (bytes.length < width) {
            return truncate(bytes, random, log);
        }
        int limit = bytes.length - width + 1;
        int at = random.nextBoolean() ? random.nextInt(Math.min(limit, 64)) : random.nextInt(limit);
        ByteOrder order = random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        long value = EXTREME_INTEGERS[random.nextInt(EXTREME_INTEGERS.length)];
        log.append("int").append(width * 8).append(order == ByteOrder.BIG_ENDIAN ? "be" : "le").append(' ')
                .append(at).append('=').append(value).append("; ");
        write(bytes, at, width, order, value);
        return bytes;
    }

    private byte[] decimalNumber(byte[] bytes, SplittableRandom random, StringBuilder log) {
        List<int[]> runs = digitRuns(bytes);
        if (runs.isEmpty()) {
            return binaryInteger(bytes, random, log);
        }
        int[] run = runs.get(random.nextInt(runs.size()));
        String number = EXTREME_NUMBERS[random.nextInt(EXTREME_NUMBERS.length)];
        log.append("number ").append(run[0]).append('+').append(run[1] - run[0]).append("='").append(number)
                .append("'; ");
        return concat(Arrays.copyOfRange(bytes, 0, run[0]), number.getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOfRange(bytes, run[1], bytes.length));
    }

    /** @return [start, end) of each maximal run of ASCII digits, with a leading minus sign */
    private static List<int[]> digitRuns(byte[] bytes) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            if (bytes[i] >= '0' && bytes[i] <= '9') {
                int start = i > 0 && bytes[i - 1] == '-' ? i - 1 : i;
                while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9') {
                    i++;
                }
                runs.add(new int[] {start, i});
            } else {
                i++;
            }
        }
        return runs;
    }

    /** An extreme value, or the true size nudged by one, doubled, halved or off by a block. */
    private byte[] sizeFieldLie(byte[] bytes, SplittableRandom random, StringBuilder log) {
        List<SizeField> fitting = sizeFields.stream().filter(f -> f.offset() + f.width() <= bytes.length).toList();
        if (fitting.isEmpty()) {
            return binaryInteger(bytes, random, log);
        }
        SizeField field = fitting.get(random.nextInt(fitting.size()));
        long truth = read(bytes, field);
        long value = switch (random.nextInt(7)) {
            case 0 -> truth + 1;
            case 1 -> truth - 1;
            case 2 -> truth * 2;
            case 3 -> truth / 2;
            case 4 -> truth + 16 * (1 + random.nextInt(64));
            default -> EXTREME_INTEGERS[random.nextInt(EXTREME_INTEGERS.length)];
        };
        log.append("size field ").append(field.offset()).append(": ").append(truth).append(" -> ").append(value)
                .append("; ");
        write(bytes, field.offset(), field.width(), field.order(), value);
        return bytes;
    }

    private byte[] splice(byte[] bytes, byte[] other, SplittableRandom random, StringBuilder log) {
        int head = random.nextInt(bytes.length + 1);
        int tail = random.nextInt(other.length + 1);
        int keep = Math.min(other.length - tail, Math.max(0, maxLength - head));
        log.append("splice ").append(head).append(" + other from ").append(tail).append("; ");
        return concat(Arrays.copyOfRange(bytes, 0, head), Arrays.copyOfRange(other, tail, tail + keep));
    }

    private static long read(byte[] bytes, SizeField field) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, field.offset(), field.width()).order(field.order());
        return switch (field.width()) {
            case 1 -> buffer.get() & 0xFFL;
            case 2 -> buffer.getShort() & 0xFFFFL;
            case 4 -> buffer.getInt() & 0xFFFF_FFFFL;
            default -> buffer.getLong();
        };
    }

    private static void write(byte[] bytes, int at, int width, ByteOrder order, long value) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, at, width).order(order);
        switch (width) {
            case 1 -> buffer.put((byte) value);
            case 2 -> buffer.putShort((short) value);
            case 4 -> buffer.putInt((int) value);
            default -> buffer.putLong(value);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
