package org.moevoprune.core.testing.fuzz;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One file of a fuzzed case that gets damaged: where it lies in the case directory, the valid inputs it is made
 * from, an optional encoder from the mutated input to the file's bytes, and the binary size fields of its format.
 *
 * <p>The encoder lets a mutation reach past the layers that would stop it: mutate a compact model's JSON header and
 * let the encoder rebuild the length prefix, or mutate an IDX file's plain bytes and let the encoder gzip them so
 * that the reader's decompressed view is what is damaged. Immutable; the seed arrays are copied on the way in and
 * out.
 */
public final class FuzzTarget {

    private final String path;
    private final List<byte[]> seeds;
    private final UnaryOperator<byte[]> encoder;
    private final List<FuzzMutator.SizeField> sizeFields;

    private FuzzTarget(String path, List<byte[]> seeds, UnaryOperator<byte[]> encoder,
            List<FuzzMutator.SizeField> sizeFields) {
        this.path = path;
        this.seeds = seeds;
        this.encoder = encoder;
        this.sizeFields = sizeFields;
    }

    /**
     * @param path the file's path relative to the case directory, e.g. {@code "train.csv"} or {@code "a/x.png"}
     * @param seeds valid inputs, at least one; the first (encoded) is the file's content while another file of the
     *     case is damaged
     * @return the target, written as its seeds are (no encoder, no size fields)
     */
    public static FuzzTarget of(String path, List<byte[]> seeds) {
        Objects.requireNonNull(path, "path");
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("target " + path + " needs at least one valid seed input");
        }
        List<byte[]> copies = new ArrayList<>();
        seeds.forEach(s -> copies.add(s.clone()));
        return new FuzzTarget(path, List.copyOf(copies), UnaryOperator.identity(), List.of());
    }

    /**
     * @param encoder turns a (mutated) input into the bytes written to the file
     * @return a copy with that encoder
     */
    public FuzzTarget encoder(UnaryOperator<byte[]> encoder) {
        return new FuzzTarget(path, seeds, Objects.requireNonNull(encoder, "encoder"), sizeFields);
    }

    /**
     * @param offset the field's offset in the (unencoded) input
     * @param width 1, 2, 4 or 8 bytes
     * @param order its byte order
     * @return a copy whose size-lie mutation also targets this field
     */
    public FuzzTarget sizeField(int offset, int width, ByteOrder order) {
        List<FuzzMutator.SizeField> fields = new ArrayList<>(sizeFields);
        fields.add(new FuzzMutator.SizeField(offset, width, order));
        return new FuzzTarget(path, seeds, encoder, List.copyOf(fields));
    }

    /** @return the path relative to the case directory */
    public String path() {
        return path;
    }

    /** @return the number of seed inputs */
    public int seedCount() {
        return seeds.size();
    }

    /**
     * @param index a seed index
     * @return a copy of that seed input
     */
    public byte[] seed(int index) {
        return seeds.get(index).clone();
    }

    /**
     * @param input an input, mutated or not
     * @return the bytes to write
     */
    public byte[] encode(byte[] input) {
        return encoder.apply(input);
    }

    /** @return the size fields, possibly empty */
    public List<FuzzMutator.SizeField> sizeFields() {
        return sizeFields;
    }

    /** @return the longest seed input */
    int longestSeed() {
        return seeds.stream().mapToInt(s -> s.length).max().orElse(0);
    }
}
