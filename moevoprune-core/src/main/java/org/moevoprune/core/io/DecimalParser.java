package org.moevoprune.core.io;

import java.nio.charset.StandardCharsets;

/**
 * Parses ASCII decimal numbers ({@code [+-]digits[.digits][(e|E)[+-]digits]}) to the nearest {@code float},
 * exactly as {@link Float#parseFloat} would, but without creating a {@code String} for the common case.
 *
 * <p>Fast path (Clinger, "How to read floating point numbers accurately", PLDI 1990): with at most 15 significant
 * digits (below 2^53) and a decimal exponent within ±22, one double multiplication or division is correctly rounded.
 * Rounding that double once more to float is correct unless the double lies exactly halfway between two floats.
 * Longer significands (NumPy's {@code %.18e} writes 19 digits) are cut to 15 digits: the number then lies between
 * two 15-digit neighbours, and when both round to the same float, so does the number. Halfway doubles, neighbours
 * that round apart (about one number in 10^7) and exponents beyond ±22 go to {@link Float#parseFloat}.
 *
 * <p>Stateless and thread-safe.
 */
final class DecimalParser {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    /** Significant digits kept: 10^15 < 2^53, so the significand (and it + 1) is an exact double. */
    private static final int MAX_DIGITS = 15;
    /** Exponents beyond this are certainly overflow or underflow; capping keeps the int from wrapping. */
    private static final int EXPONENT_CAP = 100_000;
    /** The 29 low bits of a double's fraction that a float drops; this pattern is a float halfway point. */
    private static final long DROPPED_BITS = (1L << 29) - 1;
    private static final long HALFWAY = 1L << 28;

    private DecimalParser() {
    }

    /**
     * @param text ASCII bytes
     * @param offset the first byte of the number
     * @param length the number of bytes, without surrounding white space
     * @return the nearest float (an infinity when the number is beyond the float range), or NaN when the text is
     *         not a decimal number (NaN and infinity spellings included)
     */
    static float parse(byte[] text, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = false;
        if (i < end && (text[i] == '-' || text[i] == '+')) {
            negative = text[i] == '-';
            i++;
        }
        long significand = 0;
        int digits = 0;
        int exponent = 0;
        boolean anyDigit = false;
        boolean truncated = false;
        for (; i < end && isDigit(text[i]); i++) {
            anyDigit = true;
            if (digits < MAX_DIGITS) {
                significand = 10 * significand + (text[i] - '0');
                digits += significand == 0 ? 0 : 1;
            } else {
                exponent++;
                truncated |= text[i] != '0';
            }
        }
        if (i < end && text[i] == '.') {
            for (i++; i < end && isDigit(text[i]); i++) {
                anyDigit = true;
                if (digits < MAX_DIGITS) {
                    significand = 10 * significand + (text[i] - '0');
                    digits += significand == 0 ? 0 : 1;
                    exponent--;
                } else {
                    truncated |= text[i] != '0';
                }
            }
        }
        if (!anyDigit) {
            return Float.NaN;
        }
        if (i < end && (text[i] == 'e' || text[i] == 'E')) {
            int explicit = parseExponent(text, i + 1, end);
            if (explicit == Integer.MIN_VALUE) {
                return Float.NaN;
            }
            exponent += explicit;
            i = end;
        }
        if (i != end) {
            return Float.NaN;
        }
        if (significand == 0) {
            return negative ? -0.0f : 0.0f;
        }
        float magnitude = fastPath(significand, exponent);
        // A truncated number lies in [s·10^e, (s+1)·10^e); rounding is monotone, so equal ends decide it.
        if (truncated && magnitude != fastPath(significand + 1, exponent)) {
            magnitude = Float.NaN;
        }
        if (Float.isNaN(magnitude)) {
            return Float.parseFloat(new String(text, offset, length, StandardCharsets.ISO_8859_1));
        }
        return negative ? -magnitude : magnitude;
    }

    /** @return the signed exponent (capped), or {@code Integer.MIN_VALUE} if malformed */
    private static int parseExponent(byte[] text, int from, int end) {
        int i = from;
        boolean negative = false;
        if (i < end && (text[i] == '-' || text[i] == '+')) {
            negative = text[i] == '-';
            i++;
        }
        if (i == end) {
            return Integer.MIN_VALUE;
        }
        int value = 0;
        for (; i < end; i++) {
            if (!isDigit(text[i])) {
                return Integer.MIN_VALUE;
            }
            value = Math.min(EXPONENT_CAP, 10 * value + (text[i] - '0'));
        }
        return negative ? -value : value;
    }

    /** @return the correctly rounded float, or NaN when this path cannot guarantee it */
    private static float fastPath(long significand, int exponent) {
        if (exponent < -22 || exponent > 22) {
            return Float.NaN;
        }
        double value = exponent >= 0
                ? significand * POWERS_OF_TEN[exponent]
                : significand / POWERS_OF_TEN[-exponent];
        // value ≥ 1e-22 and < 2^53·1e22, so it is a normal float or rounds to one: the halfway pattern is exact.
        if ((Double.doubleToRawLongBits(value) & DROPPED_BITS) == HALFWAY) {
            return Float.NaN;
        }
        return (float) value;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
