package org.moevoprune.tools.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;

/**
 * Reads the folder-per-class layout ({@code root/<class>/<image>} and {@code root/<split>/<class>/<image>}). Class
 * names and files are taken in sorted order (by {@link String#compareTo} of the names), so the result does not
 * depend on the file system's listing order. Hidden entries (names starting with a dot) and files whose suffix
 * javax.imageio cannot decode are ignored. Stateless.
 */
final class ClassFolderReader {

    private ClassFolderReader() {
    }

    static ImageSet read(Path root, String name) throws IOException {
        List<Path> classDirectories = subdirectories(root);
        if (classDirectories.isEmpty()) {
            throw new IOException(root + " has no class folders: expected " + root + "/<class>/<image files>");
        }
        List<String> classNames = classDirectories.stream().map(ClassFolderReader::fileName)
                .collect(Collectors.toList());
        return read(root, name, classNames);
    }

    static Map<String, ImageSet> readSplits(Path root, String name) throws IOException {
        List<Path> splits = subdirectories(root);
        if (splits.isEmpty()) {
            throw new IOException(root + " has no split folders: expected " + root
                    + "/<split>/<class>/<image files>, e.g. train/ and test/");
        }
        Set<String> classNames = new TreeSet<>();
        for (Path split : splits) {
            List<Path> classes = subdirectories(split);
            if (classes.isEmpty()) {
                throw new IOException(split + " has no class folders: expected " + split
                        + "/<class>/<image files>" + (imageFiles(split).isEmpty() ? ""
                        : " (it holds images directly: for the layout root/<class>/<images> read " + root
                        + " as class folders without splits)"));
            }
            classes.forEach(c -> classNames.add(fileName(c)));
        }
        Map<String, ImageSet> sets = new LinkedHashMap<>();
        for (Path split : splits) {
            sets.put(fileName(split), read(split, name + "/" + fileName(split), List.copyOf(classNames)));
        }
        return sets;
    }

    /** Reads {@code root/<class>/*} for the given classes; a class missing from {@code root} has no images. */
    private static ImageSet read(Path root, String name, List<String> classNames) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            Path directory = root.resolve(classNames.get(c));
            if (!Files.isDirectory(directory)) {
                continue;
            }
            List<Path> images = imageFiles(directory);
            if (images.isEmpty()) {
                throw new IOException("class folder " + directory + " holds no image files (readable: "
                        + ImageFiles.suffixes() + ")" + (subdirectories(directory).isEmpty() ? ""
                        : " but folders: for the layout root/<split>/<class>/<images> read " + root
                        + " with its splits") + "; add images or remove the folder");
            }
            for (Path image : images) {
                files.add(image);
                labels.add(c);
            }
        }
        List<RasterImage> images = decodeAll(files);
        return ImageSet.of(name, images, labels.stream().mapToInt(Integer::intValue).toArray(), classNames);
    }

    /** Decodes in parallel into a list in file order; the first failure (by file order) is reported. */
    private static List<RasterImage> decodeAll(List<Path> files) throws IOException {
        RasterImage[] images = new RasterImage[files.size()];
        IOException[] failures = new IOException[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                images[i] = ImageFiles.read(files.get(i));
            } catch (IOException e) {
                failures[i] = e;
            } catch (UncheckedIOException e) {
                failures[i] = e.getCause();
            }
        });
        for (IOException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        return Arrays.asList(images);
    }

    private static List<Path> subdirectories(Path directory) throws IOException {
        return list(directory).stream().filter(Files::isDirectory).collect(Collectors.toList());
    }

    private static List<Path> imageFiles(Path directory) throws IOException {
        Set<String> suffixes = ImageFiles.suffixes();
        return list(directory).stream().filter(Files::isRegularFile).filter(p -> ImageFiles.isImageName(p, suffixes))
                .collect(Collectors.toList());
    }

    /** @return the directory's non-hidden entries, sorted by name */
    private static List<Path> list(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "no such folder");
        }
        if (!Files.isDirectory(directory)) {
            throw new NotDirectoryException(directory.toString());
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> !fileName(p).startsWith(".")).sorted((a, b) -> fileName(a).compareTo(
                    fileName(b))).collect(Collectors.toList());
        }
    }

    private static String fileName(Path path) {
        return path.getFileName().toString();
    }
}
