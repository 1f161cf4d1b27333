package org.moevoprune.core.io;

import org.moevoprune.core.internal.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/** Writes labelled feature CSV files whose values read back bit-identically. Stateless and thread-safe. */
final class CsvWriter {

    private static final MathContext FLOAT_DIGITS = new MathContext(9, RoundingMode.HALF_EVEN);

    private CsvWriter() {
    }

    /**
     * Writes {@code label,f1,…,fF} as the header, then one {@code label,value,…} line per sample.
     *
     * @param file the target, replaced atomically
     * @param data the samples
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    static void write(Path file, LabelledFeatures data) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
            writeHeader(writer, data.featureCount());
            FeatureMatrix features = data.features();
            float[] row = new float[features.columns()];
            for (int r = 0; r < features.rows(); r++) {
                features.copyRow(r, row, 0);
                writer.write(Integer.toString(data.labels().label(r)));
                for (float value : row) {
                    writer.write(',');
                    writer.write(format(value));
                }
                writer.write('\n');
            }
            writer.flush();
        });
    }

    private static void writeHeader(Writer writer, int features) throws IOException {
        writer.write("label");
        for (int j = 1; j <= features; j++) {
            writer.write(",f");
            writer.write(Integer.toString(j));
        }
        writer.write('\n');
    }

    /**
     * Decimal text that parses back to exactly {@code value}. Java 17's {@link Float#toString} is not always the
     * shortest such text, but it did round-trip for every one of the 2^32 float bit patterns on OpenJDK 17.0.15; it is
     * still checked, and nine significant digits, which always identify a float, are the fall-back.
     *
     * @param value a finite float
     * @return decimal text that {@link Float#parseFloat} (and NumPy) turns back into the same bits
     */
    static String format(float value) {
        String text = Float.toString(value);
        return roundTrips(text, value) ? text : nineDigits(value);
    }

    /**
     * @param value a finite float
     * @return {@code value} rounded to nine significant decimal digits, enough to identify any float (IEEE 754-2008,
     *         5.12.2: H = 9 for binary32)
     */
    static String nineDigits(float value) {
        if (value == 0) {
            return Float.toString(value); // BigDecimal has no negative zero.
        }
        return new BigDecimal(value).round(FLOAT_DIGITS).toString();
    }

    private static boolean roundTrips(String text, float value) {
        return Float.floatToRawIntBits(Float.parseFloat(text)) == Float.floatToRawIntBits(value);
    }
}
