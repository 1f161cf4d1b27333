package org.moevoprune.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.Objective;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.io.FeatureFileBackbone;
import org.moevoprune.core.objective.Accuracy;
import org.moevoprune.core.objective.ActiveFraction;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.objective.OodAuroc;
import org.moevoprune.core.result.CostSettings;
import org.moevoprune.core.result.GuidanceSettings;
import org.moevoprune.core.result.OperatorSettings;
import org.moevoprune.core.result.EvaluationProtocol;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.SearchMode;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.search.SearchData;
import org.moevoprune.core.search.SearchListener;
import org.moevoprune.core.search.SearchPreset;

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

            Search (defaults: the improved preset; the values of the paper unless noted):
              --preset P              improved (the default) or reference: the paper's search exactly, as its
                                      jMetalPy code ran it (every proposed mask spends budget, the 100-threshold
                                      grid AUROC, no stall rule, tournaments on the ranking of the last
                                      replacement); the options below override single settings of the preset
              --population N          population size (30)
              --evaluations N         evaluation budget incl. the initial population (200)
              --mode M                steady-state (2 offspring per step, as the reference; alias: reference)
                                      or generational (steady-state)
              --offspring N           offspring per step/generation (2 steady-state, population otherwise)
              --seed N                seed of every random choice; same seed, same result (42)
              --runs N                independent runs with derived seeds, combined into a super front (1)
              --threads N             offspring evaluated at once, and the model's threads (the available
                                      processors; at most 4 x that)
              --count-cache-hits      let re-proposed masks spend budget, as the reference did (on with
                                      --preset reference)
              --min-active N          offspring and initial masks with fewer active features are repaired by
                                      switching on random features; 0 lets the empty mask be evaluated (1)
              --mating M              the ranking binary tournaments compare: population (rank and crowding
                                      recomputed on the population; improved) or replacement (those computed at
                                      the last replacement on parents + offspring, as jMetalPy; reference)
              --reject-duplicates     draw an offspring again (up to 16 times) when its mask is already in the
                                      population (off)
              --stall-limit N         stop after N steps without a new evaluation; 0 = never, which needs
                                      cache hits counted (improved 100, reference 0)
              --auroc M               how the auroc objective integrates the ROC curve: exact (rank-based,
                                      improved) or grid (the reference's 100 thresholds, reference)
              --guidance LIST         the search-quality switches: all, none, or a comma list of archive (report
                                      the non-dominated set of everything evaluated), stratified (initial
                                      densities spread over (0,1]), guided (bit flips lean towards the
                                      features the front keeps), ranked (features ranked from the data for
                                      accuracy and for OoD robustness; initial masks and bit flips lean towards
                                      a mix of the best-ranked); measured in moevoprune-bench/RESULTS.md (all
                                      with the improved preset, none with reference)
              --objectives LIST       comma-separated objective ids (accuracy,active-fraction,auroc);
                                      also parameter-fraction, aupr, fpr95, energy-auroc, max-logit-auroc,
                                      mahalanobis-auroc, knn-auroc, or ids of objective plugins (--plugins DIR)
              --temperature T         ODIN temperature of the auroc objective (1000)
              --no-baseline           do not train the unpruned head (all features) that every run trains
                                      beside the search to compare the front with
              --head ID               sparse head provider id, e.g. java or nd4j (the best available)

            Cheaper evaluations (off by default; see CostSettings):
              --inherit-weights       offspring heads start from a parent's trained weights on shared features
              --race-epochs N         after N epochs, stop an offspring whose evaluation accuracy stays below the
                                      front's by more than --race-margin (0 = off; needs --objectives
                                      accuracy,active-fraction); stopped ones never enter the front
              --race-margin X         accuracy a raced offspring may lag behind and train on (0.0)

            Evaluation protocol (which data the search optimises on, which data the front is reported on):
              --validation-fraction X share of the training data (stratified, seeded) held out as the
                                      validation split the search optimises on; the front, the ensembles
                                      and the heads are then reported on the untouched test split (0.2;
                                      0 = optimise on the test split, as the paper did: the default of
                                      --preset reference)
              --folds K               k-fold fitness: each objective is the mean over K stratified folds
                                      of the training data (train on K-1, measure on the held-out fold);
                                      implies no validation split; the front is reported on the test split
                                      with each member retrained on all training data (1)
              --ood-test FILE         held-out OoD samples for the test report (same formats as --ood);
                                      the search then uses all of --ood
              --ood-test-fraction X   without --ood-test, the share of the --ood samples (seeded) held out
                                      for the test report; 0 reports on the search's OoD samples (0.5)

            Head training (defaults: the reference's Keras settings):
              --epochs N              epoch cap (600)
              --batch-size N          (32; at most the training samples N; the default is cut to N when N < 32)
              --learning-rate X       (0.001)
              --hidden N              hidden units (512)
              --patience N            early-stopping patience on the training loss (10)

            Output and control:
              --out DIR               where front.csv, front.json, history.csv, report.html and checkpoints go
              --resume                continue from the checkpoints in --out (same data and options)
              --checkpoint-every N    steps between checkpoints (1)
              --quiet                 no progress bar
              --progress              redraw progress in place even when standard error is not a terminal
              --skip-memory-check     start even if the heap (-Xmx) is below the run's estimated need
              -h, --help              this text
              --plugins DIR           (before or after the command) load the objective, head, backbone and image
                                      reader plugins in the jars of DIR

            Apache Spark (moevoprune-spark; Spark itself comes from spark-submit, see the README):
              --spark MASTER          evaluate the candidates on Spark: local[N], spark://host:7077, yarn,
                                      k8s://..., or 'submit' for the master spark-submit was given; use
                                      --mode generational --offspring N (N >= the cluster's cores) to fill it
              --spark-shared-files    executors read the --train/--test/--ood files themselves (same paths on
                                      every node, or shipped with spark-submit --files) instead of a broadcast

            """ + BackboneChoice.HELP + """

            Writes DIR/front.csv (columns run,<objectives>,active_count,feature_count,training_seed,epochs,mask),
            DIR/front.json, DIR/history.csv, DIR/baseline.csv (the unpruned head of each run: all features, same
            training settings and seed rule, in the columns of front.csv; also the 'baseline' of front.json),
            DIR/front.mvp (the heads of the front members, in the rows' order, for
            moevoprune export) and DIR/checkpoint-run<r>.json; with --runs > 1, each run's files go
            to DIR/run-<r>/ and DIR/front.* hold the super front. Formats: ResultFiles in moevoprune-core.
            Then prints the ensembles of the front (majority vote of the whole front, of the reference's accuracy
            and AUROC percentile windows, and of greedy selection) against their best member and the unpruned head
            ("x % of the features, accuracy -y, AUROC +z against the unpruned head"), and writes
            DIR/report.html: a self-contained page with the front, the hypervolume by step, the ensembles, the
            most frequent features and the settings, that opens offline in any browser.
            Tip: run java with --add-modules jdk.incubator.vector for the several times faster Vector API head kernel.

            Checks before the search: every file exists and is a file; every test label occurs among the training
            labels; at most 65536 classes; enough Java heap for the data and settings (the estimate is printed
            with the -Xmx to give; out of memory later says the same and what was kept). One run at a time per
            --out: the directory is locked (DIR/.moevoprune.lock, released by the system when the run ends however
            it ends), and a second run with the same --out is refused naming the holder.

            Exit status: 0 success, 1 failure (unreadable or inconsistent data, --out in use, not enough memory,
            unwritable output, no usable provider), 2 usage error (unknown or bad option, missing file).
            """;

    private static final Set<String> OPTIONS = Set.of("--train", "--train-labels", "--test", "--test-labels",
            "--ood", "--classes", "--population", "--evaluations", "--mode", "--offspring", "--seed", "--runs",
            "--threads", "--objectives", "--temperature", "--head", "--epochs", "--batch-size", "--learning-rate",
            "--hidden", "--patience", "--out", "--checkpoint-every", "--spark", "--preset", "--min-active",
            "--mating", "--stall-limit", "--auroc", "--race-epochs", "--race-margin", "--folds",
            "--validation-fraction", "--ood-test", "--ood-test-fraction", "--guidance");
    private static final Set<String> FLAGS = Set.of("--ood-no-labels", "--count-cache-hits", "--resume", "--quiet",
            "--skip-memory-check", "--spark-shared-files", "--help", "--reject-duplicates", "--no-baseline",
            "--inherit-weights");
    /** Options of image data, read with --model. */
    private static final Set<String> IMAGE_OPTIONS = Set.of("--train-images", "--test-images", "--ood-images",
            "--ood-labels");
    private static final List<BackboneChoice.ImageSplit> IMAGE_SPLITS = List.of(
            new BackboneChoice.ImageSplit("--train-images", "--train-labels", "train"),
            new BackboneChoice.ImageSplit("--test-images", "--test-labels", "test"),
            new BackboneChoice.ImageSplit("--ood-images", "--ood-labels", "ood"));

    private final PrintStream out;
    private final PrintStream err;
    private final LongSupplier maxHeap;
    private final SearchListener probe;
    private MemoryNeed need;
    private MemoryNeed.Stage stage = MemoryNeed.Stage.READING;
    private long inputBytes;

    PruneCommand(PrintStream out, PrintStream err) {
        this(out, err, () -> Runtime.getRuntime().maxMemory(), null);
    }

    /**
     * @param maxHeap the heap limit the memory check compares with (tests pretend small heaps)
     * @param probe an extra search listener, or {@code null} (tests fail runs at chosen steps)
     */
    PruneCommand(PrintStream out, PrintStream err, LongSupplier maxHeap, SearchListener probe) {
        this.out = out;
        this.err = err;
        this.maxHeap = maxHeap;
        this.probe = probe;
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
        Inputs inputs = images(a, split.pairs()) ? null : Inputs.of(a);
        inputBytes = inputs == null ? 0 : inputs.bytes();
        int runs = a.integer("--runs", 1, 1);
        int threads = threads(a);
        try (OutputLock lock = OutputLock.acquire(dir, "--out")) {
            return execute(a, split.pairs(), inputs, dir, runs, threads, args);
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException(MemoryNeed.outOfMemory(need, stage, inputBytes, maxHeap.getAsLong(),
                    dir));
        }
    }

    /** The search and its output; its frame, which holds the data, is gone when {@link #run} handles an OOM. */
    private int execute(Arguments a, java.util.Map<String, String> pairs, Inputs inputs, Path dir, int runs,
            int threads, List<String> args) throws UsageException, IOException {
        if (a.has("--spark-shared-files") && (inputs == null || !a.has("--spark"))) {
            throw new UsageException("--spark-shared-files needs --spark and feature files (--train/--test/--ood); "
                    + "with --model the features are computed on the driver and broadcast");
        }
        try (BackboneChoice.Opened backbone = inputs == null ? openImages(a, pairs, threads)
                : new BackboneChoice.Opened(featureFiles(a, inputs), null);
                SparkOption spark = a.has("--spark") ? SparkOption.start(a.string("--spark", ""),
                        a.has("--spark-shared-files") ? inputs : null, a.has("--ood-no-labels"),
                        a.has("--classes") ? a.integer("--classes", 0, 1) : 0, a.has("--quiet") ? null : err)
                        : null) {
            Pruner given = pruner(a, dir, runs, threads, backbone.backbone(), spark);
            check(a, inputs, given, runs, threads);
            Pruner.Builder withProtocol = given.toBuilder();
            protocol(a, withProtocol);
            Pruner pruner = withProtocol.build();
            stage = MemoryNeed.Stage.SEARCH;
            long t0 = System.nanoTime();
            List<PruningResult> results = runs == 1 ? List.of(pruner.run()) : pruner.runs(runs);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            stage = MemoryNeed.Stage.RESULTS;
            FrontOutput.write(dir, results);
            stage = MemoryNeed.Stage.REPORT;
            FrontOutput.print(out, results, seconds, dir);
            RunReport.write(out, pruner, results, dir, a.number("--temperature", 1000, Double.MIN_VALUE,
                    Double.MAX_VALUE), args);
        }
        return 0;
    }

    /**
     * The checks of the loaded data as given (before the evaluation protocol splits them) against each other
     * (feature files: the label files are named in the messages), the options and the heap.
     */
    private void check(Arguments a, Inputs inputs, Pruner pruner, int runs, int threads) throws UsageException {
        SearchData data = pruner.data();
        ClassLabels train = data.train().labels();
        if (inputs != null) {
            ClassLabels test = data.evaluation().labels();
            DataChecks.classCount(train, inputs.trainLabels(), test, inputs.testLabels());
            DataChecks.testLabelsSeenInTraining(train, inputs.trainLabels(), test, inputs.testLabels());
            DataChecks.batchSize(a.has("--batch-size") ? pruner.settings().training().batchSize() : null,
                    data.train().size(), inputs.train());
        }
        need = new MemoryNeed(data.train().size(), data.evaluation().size(), data.ood() == null ? 0
                : data.ood().rows(), data.featureCount(), train.classCount(),
                pruner.settings().training().hiddenUnits(), runs * pruner.settings().populationSize()
                + pruner.settings().offspring(), Math.min(threads, pruner.settings().offspring()));
        long heap = maxHeap.getAsLong();
        if (!a.has("--skip-memory-check") && need.bytes() > heap) {
            throw new IllegalStateException(need.refusal(heap));
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    /** Whether the data are images through a model (--model or --backbone), checking the options that go with it. */
    private static boolean images(Arguments a, java.util.Map<String, String> pairs) throws UsageException {
        if (!BackboneChoice.named(a, pairs)) {
            for (String option : IMAGE_OPTIONS) {
                if (a.has(option)) {
                    throw new UsageException(option + " needs --model (the .onnx image model that computes the "
                            + "features of the images)");
                }
            }
            return false;
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
        return true;
    }

    private BackboneChoice.Opened openImages(Arguments a, java.util.Map<String, String> pairs, int threads)
            throws UsageException, IOException {
        return BackboneChoice.open(a, pairs, IMAGE_SPLITS, threads, err, a.has("--quiet"));
    }

    private static int threads(Arguments a) throws UsageException {
        int cpus = Runtime.getRuntime().availableProcessors();
        return a.integer("--threads", cpus, 1, 4 * cpus, "at most 4 x the " + cpus + " available processors");
    }

    private static FeatureFileBackbone featureFiles(Arguments a, Inputs inputs) throws UsageException {
        FeatureFileBackbone.Builder data = FeatureFileBackbone.builder().id("features");
        inputs.addTo(data, a.has("--ood-no-labels"));
        if (a.has("--classes")) {
            data.classCount(a.integer("--classes", 0, 1, DataChecks.MAX_CLASSES, "the most classes a head may have"));
        }
        return data.build();
    }

    private Pruner pruner(Arguments a, Path dir, int runs, int threads, Backbone backbone, SparkOption spark)
            throws UsageException {
        TrainingSettings training = TrainingSettings.builder().maxEpochs(a.integer("--epochs", 600, 1))
                .batchSize(a.integer("--batch-size", 32, 1))
                .learningRate(a.number("--learning-rate", 1e-3, Double.MIN_VALUE, 10))
                .hiddenUnits(a.integer("--hidden", 512, 1)).patience(a.integer("--patience", 10, 0)).build();
        SearchMode mode = mode(a.string("--mode", "steady-state"));
        SearchPreset preset = preset(a);
        boolean countCacheHits = a.has("--count-cache-hits") || preset.settings(0).countCacheHits();
        List<Objective> objectives = objectives(a, preset);
        Pruner.Builder b = Pruner.builder().backbone(backbone).preset(preset).training(training)
                .objectives(objectives).mode(mode)
                .populationSize(a.integer("--population", 30, 2))
                .evaluations(a.integer("--evaluations", 200, 2))
                .seed(a.longValue("--seed", 42)).threads(threads)
                .countCacheHits(countCacheHits).operators(operators(a, preset, countCacheHits))
                .guidance(guidance(a, preset))
                .checkpoints(dir, a.integer("--checkpoint-every", 1, 1)).resume(a.has("--resume"))
                .baseline(!a.has("--no-baseline"));
        if (a.has("--offspring")) {
            b.offspring(a.integer("--offspring", 2, 1));
        }
        CostSettings cost = new CostSettings(a.has("--inherit-weights"), a.integer("--race-epochs", 0, 0),
                a.number("--race-margin", 0.0, 0.0, 1.0));
        Set<String> ids = new HashSet<>();
        objectives.forEach(o -> ids.add(o.id()));
        if (cost.racing() && (objectives.size() != 2 || !ids.equals(Set.of(Accuracy.ID, ActiveFraction.ID)))) {
            throw new UsageException("--race-epochs needs --objectives accuracy,active-fraction (racing compares "
                    + "accuracy at no larger active fraction); drop --race-epochs or change --objectives");
        }
        if (preset == SearchPreset.REFERENCE && !cost.isNone()) {
            throw new UsageException("--inherit-weights and --race-epochs are not part of --preset reference (the "
                    + "paper's search): drop them or use the default preset");
        }
        b.cost(cost);
        if (a.has("--head")) {
            b.head(ProviderRegistry.load(SparseHead.class).get(a.string("--head", "")));
        }
        if (!a.has("--quiet")) {
            b.listener(new ConsoleProgress(err, ProgressPrinter.redraw(a.has("--progress")), runs));
        }
        if (probe != null) {
            b.listener(probe);
        }
        if (spark != null) {
            spark.apply(b);
        }
        return b.build();
    }

    /**
     * Sets the evaluation protocol of {@code --folds}, {@code --validation-fraction}, {@code --ood-test} and
     * {@code --ood-test-fraction}: by default a validation split of 0.2 and half the OoD samples held out.
     */
    static void protocol(Arguments a, Pruner.Builder b) throws UsageException {
        EvaluationProtocol protocol = protocolOf(a, preset(a) == SearchPreset.REFERENCE ? 0 : 0.2);
        b.protocol(protocol);
        Path oodTest = a.path("--ood-test");
        if (oodTest != null) {
            if (!protocol.holdsOutTest()) {
                throw new UsageException("--ood-test is for the test report, but with --validation-fraction 0 the "
                        + "search measures on the test split: set --validation-fraction or --folds, or drop "
                        + "--ood-test");
            }
            DataChecks.requireFile(oodTest, "--ood-test");
            b.oodTest(oodFeatures(oodTest, !a.has("--ood-no-labels")));
        }
    }

    /**
     * @param a the arguments
     * @param validationDefault the validation fraction without {@code --validation-fraction} and {@code --folds}
     * @return the protocol of {@code --folds}, {@code --validation-fraction} and {@code --ood-test-fraction}
     */
    static EvaluationProtocol protocolOf(Arguments a, double validationDefault) throws UsageException {
        int folds = a.integer("--folds", 1, 1, EvaluationProtocol.MAX_FOLDS, "at most "
                + EvaluationProtocol.MAX_FOLDS);
        if (folds > 1 && a.has("--validation-fraction") && a.number("--validation-fraction", 0, 0, 0.9) > 0) {
            throw new UsageException("--folds " + folds + " and --validation-fraction exclude each other (the "
                    + "held-out folds are the validation): drop one");
        }
        double validation = folds > 1 ? 0 : a.number("--validation-fraction", validationDefault, 0, 0.9);
        return new EvaluationProtocol(folds, validation, a.number("--ood-test-fraction", 0.5, 0, 0.9));
    }

    /** Reads held-out OoD samples: CSV (labels, if any, ignored), .npy or .npz. */
    private static FeatureMatrix oodFeatures(Path file, boolean labelColumn) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".npz")) {
                return FeatureFiles.readNpz(file).features();
            }
            return name.endsWith(".npy") ? FeatureFiles.readNpyFeatures(file)
                    : FeatureFiles.readCsvFeatures(file, labelColumn);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("--ood-test " + file + " could not be read", e);
        }
    }

    /** The {@code --mode} values; {@code reference} is the name the steady-state mode had before. */
    static SearchMode mode(String value) throws UsageException {
        return switch (value) {
            case "steady-state", "reference" -> SearchMode.STEADY_STATE;
            case "generational" -> SearchMode.GENERATIONAL;
            default -> throw new UsageException("--mode must be 'steady-state' (alias 'reference') or 'generational', "
                    + "got '" + value + "'");
        };
    }

    /** The {@code --preset}: improved (the default) or reference. */
    static SearchPreset preset(Arguments a) throws UsageException {
        String id = a.string("--preset", SearchPreset.IMPROVED.id());
        try {
            return SearchPreset.byId(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--preset must be 'improved' or 'reference' (the paper exactly), got '" + id
                    + "'");
        }
    }

    /** The {@code --guidance} switches, or the preset's. */
    static GuidanceSettings guidance(Arguments a, SearchPreset preset) throws UsageException {
        if (!a.has("--guidance")) {
            return preset.settings(0).guidance();
        }
        String value = a.string("--guidance", "");
        if (value.equals("all")) {
            return GuidanceSettings.improved();
        }
        if (value.equals("none")) {
            return GuidanceSettings.reference();
        }
        Set<String> names = new HashSet<>();
        for (String name : value.split(",", -1)) {
            if (!Set.of("archive", "stratified", "guided", "ranked").contains(name.trim())) {
                throw new UsageException("--guidance: unknown switch '" + name.trim() + "'; give all, none, or a "
                        + "comma list of archive, stratified, guided, ranked");
            }
            names.add(name.trim());
        }
        return new GuidanceSettings(names.contains("archive"), names.contains("stratified"),
                names.contains("guided"), names.contains("ranked"));
    }

    /** The preset's operator settings with the single options given. */
    static OperatorSettings operators(Arguments a, SearchPreset preset, boolean countCacheHits)
            throws UsageException {
        OperatorSettings p = preset.settings(0).operators();
        boolean fromReplacement = switch (a.string("--mating", p.matingFromReplacement() ? "replacement"
                : "population")) {
            case "replacement" -> true;
            case "population" -> false;
            default -> throw new UsageException("--mating must be 'population' or 'replacement' (jMetalPy's, as the "
                    + "reference), got '" + a.string("--mating", "") + "'");
        };
        int stallLimit = a.integer("--stall-limit", p.stallLimit(), 0);
        if (stallLimit == 0 && !countCacheHits) {
            throw new UsageException("--stall-limit 0 (no stall rule) needs --count-cache-hits: otherwise a run whose "
                    + "offspring are all evaluated already never spends its budget; give both, or a limit ≥ 1");
        }
        return new OperatorSettings(a.integer("--min-active", p.minActive(), 0), fromReplacement,
                a.has("--reject-duplicates") || p.rejectDuplicates(), stallLimit);
    }

    private static List<Objective> objectives(Arguments a, SearchPreset preset) throws UsageException {
        double temperature = a.number("--temperature", 1000, Double.MIN_VALUE, Double.MAX_VALUE);
        OodAuroc.Method method = switch (a.string("--auroc", preset.aurocMethod() == OodAuroc.Method.EXACT ? "exact"
                : "grid")) {
            case "exact" -> OodAuroc.Method.EXACT;
            case "grid" -> OodAuroc.Method.REFERENCE_GRID;
            default -> throw new UsageException("--auroc must be 'exact' or 'grid' (the reference's 100 thresholds), "
                    + "got '" + a.string("--auroc", "") + "'");
        };
        OodAuroc auroc = OodAuroc.builder().temperature(temperature).method(method).build();
        if (!a.has("--objectives")) {
            List<Objective> defaults = new ArrayList<>(Objectives.defaults());
            defaults.set(2, auroc);
            return defaults;
        }
        String[] ids = a.string("--objectives", "").split(",");
        List<Objective> list = new ArrayList<>();
        for (String id : ids) {
            if (id.isBlank()) {
                throw new UsageException("--objectives has an empty entry: give comma-separated ids");
            }
            list.add(id.trim().equals(OodAuroc.ID) ? auroc : Objectives.byIds(id.trim()).get(0));
        }
        return list;
    }

}
