package org.moevoprune.tools.images;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.ImageSetReader;

/**
 * The {@link ImageSetReader} of IDX image files (MNIST, Fashion-MNIST; plain or gzip), id {@value #ID}: accepts a
 * file whose (decompressed) first four bytes are the images magic {@code 0x00000803}. The labels file is the one
 * given, or else the images file's sibling named with {@code images} → {@code labels} and {@code idx3} →
 * {@code idx1} (e.g. {@code train-labels-idx1-ubyte.gz} next to {@code train-images-idx3-ubyte.gz}). Classes are
 * named by their label, {@code "0"} up to the largest label. Stateless and thread-safe; found by
 * {@link java.util.ServiceLoader}.
 */
public final class IdxImageSetReader implements ImageSetReader {

    /** The provider id. */
    public static final String ID = "idx";

    private static final int MAX_CLASSES = 256;

    /** Creates the reader; it has no settings. */
    public IdxImageSetReader() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Path path) {
        if (path == null || !Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            byte[] magic = (gzip ? new GZIPInputStream(in) : in).readNBytes(4);
            return magic.length == 4 && magic[0] == 0 && magic[1] == 0 && magic[2] == 8 && magic[3] == 3;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public ImageSet read(Path path, Path labels, String name) throws IOException {
        Objects.requireNonNull(path, "path");
        Path labelFile = labels != null ? labels : conventionalLabels(path);
        List<String> names = new ArrayList<>(MAX_CLASSES);
        for (int c = 0; c < MAX_CLASSES; c++) {
            names.add(Integer.toString(c));
        }
        ImageSet all = ImageDatasets.idx(Objects.requireNonNull(name, "name"), path, labelFile, names,
                Integer.MAX_VALUE);
        int largest = 0;
        for (int i = 0; i < all.size(); i++) {
            largest = Math.max(largest, all.labels().label(i));
        }
        return ImageSet.of(name, all.images(), all.labels().toArray(), names.subList(0, largest + 1));
    }

    private static Path conventionalLabels(Path images) throws IOException {
        String file = images.getFileName().toString();
        String labels = file.replace("images", "labels").replace("idx3", "idx1");
        Path sibling = images.resolveSibling(labels);
        if (labels.equals(file) || !Files.isRegularFile(sibling)) {
            throw new IOException("no labels file for the IDX images " + images + (labels.equals(file) ? ""
                    : " (looked for " + sibling + ")") + ": give it (option <split>-labels, e.g. train-labels)");
        }
        return sibling;
    }

    @Override
    public String toString() {
        return "IdxImageSetReader";
    }
}
