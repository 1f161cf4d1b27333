package org.moevoprune.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.moevoprune.api.BackboneOptions;
import org.moevoprune.api.BackboneProgress;
import org.moevoprune.api.BackboneProvider;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.ImageSetReader;

/**
 * The {@link BackboneProvider} of ONNX image models, id {@value #ID}: opens an {@link OnnxBackbone} that computes
 * the features of image sets with any ONNX image model (an exported torchvision or Keras network, or a model
 * converted by {@code moevoprune-tools}), given its feature output, preprocessing and input size.
 *
 * <p>The image sets are read by the {@link ImageSetReader}s on the class path ({@code moevoprune-tools} provides
 * class folders and IDX files). The test and OoD sets' classes are matched to the training set's by name, so a
 * split that lacks a class still labels the others alike; OoD labels are ignored. Options: see {@link #options()}.
 *
 * <p>{@link #open} loads the model and reads the images (their pixels make the backbone's fingerprint, so a feature
 * cache can recognise them); the features are computed on first request. The backbone it returns owns native
 * memory: close it. Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class OnnxBackboneProvider implements BackboneProvider {

    /** The provider id. */
    public static final String ID = "onnx";

    private static final Map<String, String> OPTIONS;

    static {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("model", "the .onnx image model (required)");
        o.put("output", "the model output holding the pooled features, [N, F] or [N, F, 1, 1] (default: from the "
                + "model's metadata, or its only output)");
        o.put("input", "the image input (default: the model's only input)");
        o.put("layout", "NCHW or NHWC (default: from the metadata or the input's shape)");
        o.put("size", "input side in pixels, 8-2048 (default: the model's fixed size, else 224)");
        o.put("normalize", "scaled (x/255, default) or imagenet (then the ImageNet mean and std)");
        o.put("mean", "R,G,B means subtracted after scaling to [0, 1] (overrides normalize)");
        o.put("std", "R,G,B divisors after subtracting the mean (overrides normalize)");
        o.put("train-images", "training images (required): a folder of class folders, or an IDX images file");
        o.put("train-labels", "IDX labels file of the training images (default: its name with images -> labels)");
        o.put("test-images", "evaluation images, same layouts");
        o.put("test-labels", "IDX labels file of the evaluation images");
        o.put("ood-images", "out-of-distribution images, same layouts; labels are ignored");
        o.put("ood-labels", "IDX labels file of the OoD images");
        o.put("batch-size", "images per model run, 1-4096 (32)");
        o.put("threads", "CPU threads for the model, 1-256 (the available processors)");
        o.put("id", "the backbone's name (default: the model file's name and the input size)");
        OPTIONS = Collections.unmodifiableMap(o);
    }

    /** Creates the provider; it has no settings. */
    public OnnxBackboneProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> options() {
        return OPTIONS;
    }

    /**
     * {@inheritDoc}
     *
     * @return an {@link OnnxBackbone}; close it when done
     * @throws IllegalArgumentException if an option is unknown or malformed, a required option is missing, no image
     *     reader recognises an image path, the model's inputs and outputs do not fit the options, or the test images
     *     have a class the training images lack
     * @throws IOException if the model or an image set cannot be read
     */
    @Override
    public OnnxBackbone open(Map<String, String> options, Consumer<BackboneProgress> progress) throws IOException {
        BackboneOptions o = BackboneOptions.of(this, options);
        Path model = o.requiredPath("model", "the .onnx image model");
        o.required("train-images", "the training images: a folder of class folders, or an IDX images file");
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("backbone 'onnx': the model " + model + " does not exist (absolute "
                    + "path " + model.toAbsolutePath() + ")");
        }
        Map<DataSplit, ImageSet> sets = readImages(o);
        OnnxFeatureExtractor extractor = extractor(o, model);
        try {
            OnnxBackbone.Builder b = OnnxBackbone.builder(extractor)
                    .id(o.string("id").orElse(defaultId(model, extractor)))
                    .listener(ExtractionListener.onProgress(p -> progress.accept(new BackboneProgress(p.task(),
                            p.done(), p.total(), p.elapsed()))));
            sets.forEach(b::split);
            return b.build();
        } catch (RuntimeException e) {
            extractor.close();
            throw e;
        }
    }

    /**
     * The feature extractor the model options describe ({@code model}, {@code output}, {@code input},
     * {@code layout}, {@code size}, {@code normalize}, {@code mean}, {@code std}, {@code batch-size},
     * {@code threads}; image options are ignored): what {@link #open} runs, for tools that need the model without
     * images, such as an exporter.
     *
     * @param options provider options
     * @return the extractor; close it when done
     * @throws IllegalArgumentException if an option is unknown or malformed, {@code model} is missing, or the model
     *     does not fit the options
     * @throws IOException if the model cannot be read or loaded
     */
    public static OnnxFeatureExtractor extractor(Map<String, String> options) throws IOException {
        BackboneOptions o = BackboneOptions.of(new OnnxBackboneProvider(), options);
        Path model = o.requiredPath("model", "the .onnx image model");
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("backbone 'onnx': the model " + model + " does not exist (absolute "
                    + "path " + model.toAbsolutePath() + ")");
        }
        return extractor(o, model);
    }

    private static String defaultId(Path model, OnnxFeatureExtractor extractor) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "@" + extractor.preprocessing().size();
    }

    private static OnnxFeatureExtractor extractor(BackboneOptions o, Path model) throws IOException {
        OnnxFeatureExtractor.Builder b = OnnxFeatureExtractor.builder(model);
        o.string("output").ifPresent(b::featureOutput);
        o.string("input").ifPresent(b::inputName);
        o.string("layout").ifPresent(layout -> {
            switch (layout.trim().toUpperCase(Locale.ROOT)) {
                case "NHWC" -> b.channelsLast(true);
                case "NCHW" -> b.channelsLast(false);
                default -> throw o.bad("layout", layout, "NCHW or NHWC");
            }
        });
        Preprocessing preprocessing = preprocessing(o);
        if (preprocessing != null) {
            b.preprocessing(preprocessing);
        }
        b.batchSize(o.integer("batch-size", 32, 1, 4096));
        int threads = o.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 256);
        int runs = Math.min(8, threads);
        b.parallelRuns(runs).threadsPerRun(Math.max(1, threads / runs));
        return b.build();
    }

    /** The preprocessing the options ask for, or null for the extractor's default (scaled, model size or 224). */
    private static Preprocessing preprocessing(BackboneOptions o) {
        String normalize = o.string("normalize").orElse("scaled").trim().toLowerCase(Locale.ROOT);
        if (!normalize.equals("scaled") && !normalize.equals("imagenet")) {
            throw o.bad("normalize", normalize, "scaled or imagenet");
        }
        if (!o.has("size") && !o.has("mean") && !o.has("std") && normalize.equals("scaled")) {
            return null;
        }
        int size = o.integer("size", 224, 8, 2048);
        Preprocessing base = normalize.equals("imagenet") ? Preprocessing.imagenet(size) : Preprocessing.scaled(size);
        if (!o.has("mean") && !o.has("std")) {
            return base;
        }
        float[] mean = o.numbers("mean", 3).orElse(normalize.equals("imagenet")
                ? new float[] {0.485f, 0.456f, 0.406f} : new float[] {0, 0, 0});
        float[] std = o.numbers("std", 3).orElse(normalize.equals("imagenet")
                ? new float[] {0.229f, 0.224f, 0.225f} : new float[] {1, 1, 1});
        try {
            return Preprocessing.of(size, mean, std);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("backbone 'onnx': options mean/std: " + e.getMessage(), e);
        }
    }

    private static Map<DataSplit, ImageSet> readImages(BackboneOptions o) throws IOException {
        // The thread's context class loader: the command line's --plugins loader can bring readers of its own.
        ProviderRegistry<ImageSetReader> readers = ProviderRegistry.load(ImageSetReader.class);
        Map<DataSplit, ImageSet> sets = new EnumMap<>(DataSplit.class);
        ImageSet train = read(o, readers, "train");
        sets.put(DataSplit.TRAIN, train);
        if (o.has("test-images")) {
            sets.put(DataSplit.TEST, ClassAlignment.align(train, read(o, readers, "test"), "test"));
        }
        if (o.has("ood-images")) {
            sets.put(DataSplit.OOD, read(o, readers, "ood"));
        }
        return sets;
    }

    private static ImageSet read(BackboneOptions o, ProviderRegistry<ImageSetReader> readers, String split)
            throws IOException {
        Path path = o.path(split + "-images").orElseThrow();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("backbone 'onnx': " + split + "-images " + path + " does not exist "
                    + "(absolute path " + path.toAbsolutePath() + ")");
        }
        for (ImageSetReader reader : readers.available()) {
            if (reader.accepts(path)) {
                return reader.read(path, o.path(split + "-labels").orElse(null), split);
            }
        }
        throw new IllegalArgumentException("backbone 'onnx': no image reader recognises " + split + "-images " + path
                + ": give a folder holding one sub-folder of images per class, or an IDX images file; readers "
                + "found: " + (readers.available().isEmpty() ? "none (add org.moevoprune:moevoprune-tools to the "
                + "class path)" : readers.available().stream().map(ImageSetReader::id).toList()));
    }

    @Override
    public String toString() {
        return "OnnxBackboneProvider";
    }
}
