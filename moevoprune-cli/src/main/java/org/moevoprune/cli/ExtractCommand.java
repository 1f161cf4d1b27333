package org.moevoprune.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.onnx.OnnxBackbone;

/**
 * {@code moevoprune extract}: the pooled features of an image set computed with an ONNX model, written with their
 * labels and class names as a NumPy {@code .npz} archive.
 */
final class ExtractCommand {

    static final String HELP = """
            Usage: moevoprune extract --model FILE --images PATH --out FILE.npz [options]

            Computes the pooled features of a set of images with an ONNX image model, once (cached), and writes them
            with their labels and class names as a NumPy .npz archive: features (float32, images x features),
            labels (int32, the class index of each image) and class_names. prune --train FILE.npz reads it, and so
            does numpy.load.

              --images PATH           a folder holding one sub-folder of images per class, or an IDX images file
              --labels FILE           the IDX labels file of an IDX images file (default: named like it)
              --out FILE.npz          the archive to write (replaced atomically)
              --threads N             CPU threads for the model (the available processors)
              --quiet                 no progress
              --progress              redraw progress in place even when standard error is not a terminal
              -h, --help              this text

            """ + BackboneChoice.HELP + """

            Exit status: 0 success, 1 failure (a file cannot be read or written, the model or images are unusable),
            2 usage error (unknown option, missing or malformed value).
            """;

    private static final Set<String> OPTIONS = Set.of("--images", "--labels", "--out", "--threads");
    private static final Set<String> FLAGS = Set.of("--quiet", "--help");

    private final PrintStream out;
    private final PrintStream err;

    ExtractCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException, IOException {
        BackboneChoice.Split split = BackboneChoice.split(args);
        Set<String> options = new HashSet<>(OPTIONS);
        options.addAll(BackboneChoice.OPTIONS);
        Set<String> flags = new HashSet<>(FLAGS);
        flags.addAll(BackboneChoice.FLAGS);
        Arguments a = new Arguments(split.rest(), options, flags);
        if (a.has("--help")) {
            out.print(HELP);
            return 0;
        }
        Path file = Path.of(a.required("--out", "the .npz archive to write"));
        if (!file.getFileName().toString().endsWith(".npz")) {
            throw new UsageException("--out " + file + " must name an .npz archive (the features, labels and class "
                    + "names in one file)");
        }
        if (!BackboneChoice.named(a, split.pairs())) {
            throw new UsageException("missing --model (the .onnx image model)");
        }
        Path images = Path.of(a.required("--images", "the images: a folder of class folders, or an IDX file"));
        if (!Files.exists(images)) {
            throw new UsageException("--images " + images + ": no such file or folder");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException("--out " + file + ": the folder " + parent + " does not exist");
        }
        int threads = a.integer("--threads", Runtime.getRuntime().availableProcessors(), 1);
        List<BackboneChoice.ImageSplit> splits = List.of(new BackboneChoice.ImageSplit("--images", "--labels",
                "train"));
        try (BackboneChoice.Opened opened = BackboneChoice.open(a, split.pairs(), splits, threads, err,
                a.has("--quiet"))) {
            Backbone backbone = opened.backbone();
            LabelledFeatures data = backbone.labelled(DataSplit.TRAIN);
            List<String> classNames = opened.resource() instanceof OnnxBackbone onnx
                    ? onnx.images(DataSplit.TRAIN).classNames() : null;
            FeatureFiles.writeNpz(file, data, classNames);
            out.printf("%d images -> %d features each (%s), %d classes%s: %s%n", data.size(), data.featureCount(),
                    backbone.id(), data.classCount(), classNames == null ? "" : " " + classNames,
                    file.toAbsolutePath());
        }
        return 0;
    }
}
