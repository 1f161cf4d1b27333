package org.moevoprune.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.Objective;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.io.FeatureFileBackbone;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.objective.OodAuroc;
import org.moevoprune.core.search.Evaluation;
import org.moevoprune.core.search.Front;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.search.PruningResult;
import org.moevoprune.core.search.ResultFiles;
import org.moevoprune.core.search.SearchMode;

/** {@code moevoprune prune}: the search on feature files, with results written to a directory. */
final class PruneCommand {

    static final String HELP = """
            Usage: moevoprune prune --train FILE --test FILE --ood FILE --out DIR [options]
                   moevoprune prune --model FILE --train-images PATH --test-images PATH --ood-images PATH --out DIR
                                    [options]

            Prunes the features of a transfer-learned head with MO-EvoPruneDeepTL's NSGA-II search: each candidate
            mask trains a fresh sparse head (F features -> hidden ReLU -> C logits) and is scored on accuracy,
            active-feature fraction and out-of-distribution AUROC.

            Data (features extracted beforehand, one row per sample):
              --train FILE            training split: CSV 'label,f1,...,fF' (header optional), .npz (features
                                      and labels, as numpy.savez or moevoprune extract write) or .npy features
              --train-labels FILE     labels of an .npy training split (1-D integer .npy)
              --test FILE             evaluation split, same formats (--test-labels FILE for .npy)
              --ood FILE              out-of-distribution samples, same formats; labels, if any, are ignored
              --ood-no-labels         the OoD CSV has no label column
              --classes N             class count (default: largest label + 1)

            Data (images, with --model; see Backbone below):
              --train-images PATH     training images: a folder of class folders, or an IDX images file
              --train-labels FILE     the IDX labels of IDX training images (default: named like the images)
              --test-images PATH      evaluation images (--test-labels FILE for IDX); classes matched by name
              --ood-images PATH       out-of-distribution images (--ood-labels FILE for IDX); labels are ignored

            Search (defaults: the reference protocol of the paper):
              --population N          population size (30)
              --evaluations N         evaluation budget incl. the initial population (200)
              --mode M                reference (steady-state, 2 offspring per step) or generational (reference)
              --offspring N           offspring per step/generation (2 in reference mode, population otherwise)
              --seed N                seed of every random choice; same seed, same result (42)
              --runs N                independent runs with derived seeds, combined into a super front (1)
              --threads N             offspring evaluated at once, and the model's threads (the available
                                      processors)
              --count-cache-hits      let re-proposed masks spend budget, as the reference did
              --objectives LIST       comma-separated objective ids (accuracy,active-fraction,auroc);
                                      also parameter-fraction, aupr, fpr95, energy-auroc, max-logit-auroc,
                                      mahalanobis-auroc, knn-auroc, or ids of objective plugins (--plugins DIR)
              --temperature T         ODIN temperature of the auroc objective (1000)
              --head ID               sparse head provider id, e.g. java or nd4j (the best available)

            Head training (defaults: the reference's Keras settings):
              --epochs N              epoch cap (600)
              --batch-size N          (32)
              --learning-rate X       (0.001)
              --hidden N              hidden units (512)
              --patience N            early-stopping patience on the training loss (10)

            Output and control:
              --out DIR               where front.csv, front.json, history.csv, report.html and checkpoints go
              --resume                continue from the checkpoints in --out (same data and options)
              --checkpoint-every N    steps between checkpoints (1)
              --quiet                 no progress bar
              --progress              redraw progress in place even when standard error is not a terminal
              -h, --help              this text
              --plugins DIR           (before or after the command) load the objective, head, backbone and image
                                      reader plugins in the jars of DIR

            """ + BackboneChoice.HELP + """

            Writes DIR/front.csv (columns run,<objectives>,active_count,feature_count,training_seed,epochs,mask),
            DIR/front.json, DIR/history.csv, DIR/front.mvp (the heads of the front members, in the rows' order, for
            moevoprune export) and DIR/checkpoint-run<r>.json; with --runs > 1, each run's files go
            to DIR/run-<r>/ and DIR/front.* hold the super front. Formats: ResultFiles in moevoprune-core.
            Then prints the ensembles of the front (majority vote of the whole front, of the reference's accuracy
            and AUROC percentile windows, and of greedy selection) against their best member, and writes
            DIR/report.html: a self-contained page with the front, the hypervolume by step, the ensembles, the
            most frequent features and the settings, that opens offline in any browser.
            Tip: run java with --add-modules jdk.incubator.vector for the several times faster Vector API head kernel.

            Exit status: 0 success, 1 failure (a file cannot be read or written, malformed data, no usable provider),
            2 usage error (unknown option, missing or malformed value).
            """;

    private static final Set<String> OPTIONS = Set.of("--train", "--train-labels", "--test", "--test-labels",
            "--ood", "--classes", "--population", "--evaluations", "--mode", "--offspring", "--seed", "--runs",
            "--threads", "--objectives", "--temperature", "--head", "--epochs", "--batch-size", "--learning-rate",
            "--hidden", "--patience", "--out", "--checkpoint-every");
    private static final Set<String> FLAGS = Set.of("--ood-no-labels", "--count-cache-hits", "--resume", "--quiet",
            "--help");
    /** Options of image data, read with --model. */
    private static final Set<String> IMAGE_OPTIONS = Set.of("--train-images", "--test-images", "--ood-images",
            "--ood-labels");
    private static final List<BackboneChoice.ImageSplit> IMAGE_SPLITS = List.of(
            new BackboneChoice.ImageSplit("--train-images", "--train-labels", "train"),
            new BackboneChoice.ImageSplit("--test-images", "--test-labels", "test"),
            new BackboneChoice.ImageSplit("--ood-images", "--ood-labels", "ood"));

    private final PrintStream out;
    private final PrintStream err;

    PruneCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException, IOException {
        BackboneChoice.Split split = BackboneChoice.split(args);
        Arguments a = new Arguments(split.rest(), union(OPTIONS, BackboneChoice.OPTIONS, IMAGE_OPTIONS),
                union(FLAGS, BackboneChoice.FLAGS));
        if (a.has("--help")) {
            out.print(HELP);
            return 0;
        }
        Path dir = Path.of(a.required("--out", "the directory for results"));
        int runs = a.integer("--runs", 1, 1);
        try (BackboneChoice.Opened backbone = backbone(a, split.pairs())) {
            Pruner pruner = pruner(a, dir, runs, backbone.backbone());
            long t0 = System.nanoTime();
            List<PruningResult> results = runs == 1 ? List.of(pruner.run()) : pruner.runs(runs);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            FrontOutput.write(dir, results);
            FrontOutput.print(out, results, seconds, dir);
            RunReport.write(out, pruner, results, dir, a.number("--temperature", 1000, Double.MIN_VALUE,
                    Double.MAX_VALUE), args);
        }
        return 0;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    /** The backbone of --model (or --backbone), else of the feature files. */
    private BackboneChoice.Opened backbone(Arguments a, java.util.Map<String, String> pairs) throws UsageException,
            IOException {
        if (!BackboneChoice.named(a, pairs)) {
            for (String option : IMAGE_OPTIONS) {
                if (a.has(option)) {
                    throw new UsageException(option + " needs --model (the .onnx image model that computes the "
                            + "features of the images)");
                }
            }
            return new BackboneChoice.Opened(featureFiles(a), null);
        }
        for (String option : List.of("--train", "--test", "--ood")) {
            if (a.has(option)) {
                throw new UsageException(option + " (a feature file) and --model (features of images) exclude each "
                        + "other: give " + option + "-images with --model, or drop --model");
            }
        }
        if (a.has("--model") && !a.has("--train-images")) {
            throw new UsageException("missing --train-images (the training images: a folder of class folders, or "
                    + "an IDX images file)");
        }
        return BackboneChoice.open(a, pairs, IMAGE_SPLITS, threads(a), err, a.has("--quiet"));
    }

    private static int threads(Arguments a) throws UsageException {
        return a.integer("--threads", Runtime.getRuntime().availableProcessors(), 1);
    }

    private static FeatureFileBackbone featureFiles(Arguments a) throws UsageException {
        FeatureFileBackbone.Builder data = FeatureFileBackbone.builder().id("features");
        split(a, data, DataSplit.TRAIN, "--train", "the training features");
        split(a, data, DataSplit.TEST, "--test", "the evaluation features");
        Path ood = a.path("--ood");
        if (ood != null) {
            requireFile(ood, "--ood");
            if (a.has("--ood-no-labels")) {
                data.unlabelledSplit(DataSplit.OOD, ood);
            } else {
                data.split(DataSplit.OOD, ood);
            }
        }
        if (a.has("--classes")) {
            data.classCount(a.integer("--classes", 0, 1));
        }
        return data.build();
    }

    private Pruner pruner(Arguments a, Path dir, int runs, Backbone backbone) throws UsageException {
        TrainingSettings training = TrainingSettings.builder().maxEpochs(a.integer("--epochs", 600, 1))
                .batchSize(a.integer("--batch-size", 32, 1))
                .learningRate(a.number("--learning-rate", 1e-3, Double.MIN_VALUE, 10))
                .hiddenUnits(a.integer("--hidden", 512, 1)).patience(a.integer("--patience", 10, 0)).build();
        SearchMode mode = mode(a.string("--mode", "reference"));
        Pruner.Builder b = Pruner.builder().backbone(backbone).training(training)
                .objectives(objectives(a)).mode(mode)
                .populationSize(a.integer("--population", 30, 2))
                .evaluations(a.integer("--evaluations", 200, 2))
                .seed(a.longValue("--seed", 42)).threads(threads(a))
                .countCacheHits(a.has("--count-cache-hits"))
                .checkpoints(dir, a.integer("--checkpoint-every", 1, 1)).resume(a.has("--resume"));
        if (a.has("--offspring")) {
            b.offspring(a.integer("--offspring", 2, 1));
        }
        if (a.has("--head")) {
            b.head(ProviderRegistry.load(SparseHead.class).get(a.string("--head", "")));
        }
        if (!a.has("--quiet")) {
            b.listener(new ConsoleProgress(err, ProgressPrinter.redraw(a.has("--progress")), runs));
        }
        return b.build();
    }

    private static void split(Arguments a, FeatureFileBackbone.Builder data, DataSplit split, String option,
            String what) throws UsageException {
        Path file = Path.of(a.required(option, what));
        requireFile(file, option);
        Path labels = a.path(option + "-labels");
        if (labels != null) {
            requireFile(labels, option + "-labels");
            data.split(split, file, labels);
        } else if (file.toString().endsWith(".npy")) {
            throw new UsageException(option + " " + file + " is an .npy feature file: give its labels with "
                    + option + "-labels FILE");
        } else {
            data.split(split, file);
        }
    }

    private static void requireFile(Path file, String option) throws UsageException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(option + " " + file + ": no such file");
        }
    }

    private static SearchMode mode(String value) throws UsageException {
        return switch (value) {
            case "reference" -> SearchMode.REFERENCE;
            case "generational" -> SearchMode.GENERATIONAL;
            default -> throw new UsageException("--mode must be 'reference' or 'generational', got '" + value + "'");
        };
    }

    private static List<Objective> objectives(Arguments a) throws UsageException {
        double temperature = a.number("--temperature", 1000, Double.MIN_VALUE, Double.MAX_VALUE);
        if (!a.has("--objectives")) {
            List<Objective> defaults = new ArrayList<>(Objectives.defaults());
            defaults.set(2, OodAuroc.builder().temperature(temperature).build());
            return defaults;
        }
        String[] ids = a.string("--objectives", "").split(",");
        List<Objective> list = new ArrayList<>();
        for (String id : ids) {
            if (id.isBlank()) {
                throw new UsageException("--objectives has an empty entry: give comma-separated ids");
            }
            list.add(id.trim().equals(OodAuroc.ID) ? OodAuroc.builder().temperature(temperature).build()
                    : Objectives.byIds(id.trim()).get(0));
        }
        return list;
    }

}
