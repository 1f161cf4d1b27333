package org.moevoprune.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.BackboneOptions;
import org.moevoprune.api.BackboneProvider;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.core.io.CachedBackbone;
import org.moevoprune.core.io.FeatureCache;
import org.moevoprune.tools.fetch.PackageCache;

/**
 * The backbone a command line names through a {@link BackboneProvider}: an ONNX image model over image sets
 * ({@code --model m.onnx --train-images DIR ...}, the {@code onnx} provider) or any provider with its own options
 * ({@code --backbone ID --backbone-option NAME=VALUE ...}); its features go through the disk feature cache unless
 * {@code --no-cache}.
 */
final class BackboneChoice {

    /** The repeatable option {@code --backbone-option NAME=VALUE}. */
    static final String BACKBONE_OPTION = "--backbone-option";
    /** Options that take a value. */
    static final Set<String> OPTIONS = Set.of("--backbone", "--model", "--output", "--input", "--layout", "--size",
            "--normalize", "--mean", "--std", "--image-batch", "--cache");
    /** Options without a value. */
    static final Set<String> FLAGS = Set.of("--no-cache", "--progress");
    /** Command-line option → {@code onnx} provider option. */
    private static final Map<String, String> ONNX = Map.ofEntries(Map.entry("--model", "model"),
            Map.entry("--output", "output"), Map.entry("--input", "input"), Map.entry("--layout", "layout"),
            Map.entry("--size", "size"), Map.entry("--normalize", "normalize"), Map.entry("--mean", "mean"),
            Map.entry("--std", "std"), Map.entry("--image-batch", "batch-size"));

    /** Help text of the options above, for the commands that take them. */
    static final String HELP = """
            Backbone (an ONNX image model over image sets; features are computed once and cached):
              --model FILE            the .onnx image model (torchvision/Keras export, or a converted model)
              --output NAME           its output holding the pooled features (default: metadata or only output)
              --input NAME            its image input (default: the only input)
              --layout L              NCHW or NHWC (default: from the model)
              --size N                input side in pixels (default: the model's fixed size, else 224)
              --normalize N           scaled (x/255, default) or imagenet (ImageNet mean and std)
              --mean R,G,B            means subtracted after scaling to [0, 1] (overrides --normalize)
              --std R,G,B             divisors after that (overrides --normalize)
              --image-batch N         images per model run (32)
              --cache DIR             feature cache (${MOEVOPRUNE_CACHE:-~/.cache/moevoprune}/features)
              --no-cache              compute the features without the cache
              --backbone ID           another backbone provider (e.g. a plugin's), with
              --backbone-option K=V   its options, repeatable (the onnx and features options are listed in the
                                      README)
            Images: a folder holding one sub-folder of images per class (PNG, JPEG, BMP, GIF, ...), or an IDX
            images file (MNIST style, plain or .gz) whose labels file is named alike (images -> labels, idx3 ->
            idx1) or given with the matching --...-labels option.
            """;

    private BackboneChoice() {
    }

    /** The words of a command line without the {@code --backbone-option} pairs, and those pairs. */
    record Split(List<String> rest, Map<String, String> pairs) {
    }

    /**
     * @param args the words after the command name
     * @return the words without the {@value #BACKBONE_OPTION} pairs, and the pairs
     * @throws UsageException if a pair is missing or not {@code NAME=VALUE}, or a name is repeated
     */
    static Split split(List<String> args) throws UsageException {
        List<String> rest = new ArrayList<>();
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            String value;
            if (word.equals(BACKBONE_OPTION)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(BACKBONE_OPTION + " needs a value NAME=VALUE");
                }
                value = args.get(++i);
            } else if (word.startsWith(BACKBONE_OPTION + "=")) {
                value = word.substring(BACKBONE_OPTION.length() + 1);
            } else {
                rest.add(word);
                continue;
            }
            int eq = value.indexOf('=');
            if (eq < 1) {
                throw new UsageException(BACKBONE_OPTION + " must be NAME=VALUE, got '" + value + "'");
            }
            if (pairs.put(value.substring(0, eq).trim(), value.substring(eq + 1)) != null) {
                throw new UsageException(BACKBONE_OPTION + " " + value.substring(0, eq) + " is given twice");
            }
        }
        return new Split(rest, pairs);
    }

    /**
     * @param a the parsed options
     * @param pairs the {@value #BACKBONE_OPTION} pairs
     * @return whether the command line names a backbone this class opens (rather than feature files)
     */
    static boolean named(Arguments a, Map<String, String> pairs) {
        return a.has("--model") || a.has("--backbone") || !pairs.isEmpty();
    }

    /**
     * One image set on the command line.
     *
     * @param images the option naming the images, e.g. {@code --train-images}
     * @param labels the option naming an IDX labels file, e.g. {@code --train-labels}
     * @param name the onnx provider's split name: {@code train}, {@code test} or {@code ood}
     */
    record ImageSplit(String images, String labels, String name) {
    }

    /**
     * @param a the parsed options
     * @param threads the threads the model may use
     * @return the onnx provider's model options given on the command line ({@code --model}, {@code --output}, ...)
     */
    static Map<String, String> onnxOptions(Arguments a, int threads) {
        Map<String, String> options = new LinkedHashMap<>();
        ONNX.forEach((option, name) -> copy(a, option, options, name));
        options.put("threads", Integer.toString(Math.min(256, threads)));
        return options;
    }

    private static void copy(Arguments a, String option, Map<String, String> options, String name) {
        if (a.has(option)) {
            options.put(name, a.string(option, ""));
        }
    }

    /** An opened backbone and what to close when done. */
    record Opened(Backbone backbone, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (resource != null) {
                try {
                    resource.close();
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException("cannot close the backbone: " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Opens the backbone the options name.
     *
     * @param a the parsed options
     * @param pairs the {@value #BACKBONE_OPTION} pairs
     * @param splits the image sets: per split, its command-line options and the onnx provider's name of the split
     * @param threads the threads the backbone may use
     * @param err where progress goes
     * @param quiet no progress
     * @return the backbone, cached unless {@code --no-cache}
     * @throws UsageException if the provider is unknown or refuses the options
     * @throws IOException if the backbone cannot be opened
     */
    static Opened open(Arguments a, Map<String, String> pairs, List<ImageSplit> splits, int threads,
            PrintStream err, boolean quiet) throws UsageException, IOException {
        String id = a.string("--backbone", "onnx");
        BackboneProvider provider = ProviderRegistry.load(BackboneProvider.class).find(id).orElseThrow(() ->
                new UsageException("--backbone " + id + ": no such backbone provider; found " + ProviderRegistry
                        .load(BackboneProvider.class).available().stream().map(BackboneProvider::id).toList()
                        + " (add the jar of a plugin with --plugins DIR)"));
        Map<String, String> options = new LinkedHashMap<>();
        if (id.equals("onnx")) {
            options.putAll(onnxOptions(a, threads));
            for (ImageSplit split : splits) {
                copy(a, split.images(), options, split.name() + "-images");
                copy(a, split.labels(), options, split.name() + "-labels");
            }
        } else {
            for (String option : ONNX.keySet()) {
                if (a.has(option)) {
                    throw new UsageException(option + " belongs to the onnx backbone, not '" + id + "': give "
                            + "this backbone's options with " + BACKBONE_OPTION + " NAME=VALUE");
                }
            }
        }
        options.putAll(pairs);
        try {
            BackboneOptions.of(provider, options);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Backbone backbone = provider.open(options, quiet ? p -> { } : new ProgressPrinter(err,
                ProgressPrinter.redraw(a.has("--progress"))));
        AutoCloseable resource = backbone instanceof AutoCloseable closeable ? closeable : null;
        if (a.has("--no-cache") || backbone.fingerprint(DataSplit.TRAIN).isEmpty()) {
            return new Opened(backbone, resource);
        }
        Path cache = a.has("--cache") ? Path.of(a.string("--cache", "")) : PackageCache.defaultRoot()
                .resolve("features");
        return new Opened(CachedBackbone.of(backbone, FeatureCache.in(cache)), resource);
    }
}
