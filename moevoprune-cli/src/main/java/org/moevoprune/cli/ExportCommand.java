package org.moevoprune.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.ensemble.VotingClassifier;
import org.moevoprune.core.ensemble.VotingRule;
import org.moevoprune.core.export.CompactModel;
import org.moevoprune.core.export.CompactModels;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.onnx.OnnxBackboneProvider;
import org.moevoprune.onnx.OnnxFeatureExtractor;
import org.moevoprune.tools.export.OnnxExport;

/**
 * {@code moevoprune export}: a front member or an ensemble of members, from the heads {@code prune} saved, as an
 * ONNX model (optionally the whole pruned model with the backbone in front) or a compact model file.
 */
final class ExportCommand {

    static final String HELP = """
            Usage: moevoprune export --from PATH (--member I | --ensemble RULE [--members LIST]) --out FILE [options]

            Exports pruned heads that prune saved: one front member, or an ensemble of members, as an ONNX model
            that ONNX Runtime runs (features in, or with --model the image itself) or as a compact model file.

              --from PATH             a prune results folder (its front.mvp) or a compact model file (.mvp)
              --member I              the member of row I of front.csv, counting from 0
              --ensemble RULE         an ensemble of members: majority, soft, or weighted-soft (each member weighed
                                      by its recorded accuracy)
              --members LIST          the ensemble's rows of front.csv, comma-separated (all)
              --format F              onnx or compact (default: from the --out extension, .onnx or .mvp)
              --out FILE              the file to write (replaced atomically)
              --model FILE            with --format onnx: the whole pruned model (image -> probabilities), the
                                      backbone in front of the heads; give the same model options as to prune
                                      (--output, --input, --layout, --size, --normalize, --mean, --std)
              --threads N             CPU threads to load the model (the available processors)
              -h, --help              this text

            ONNX graph: input 'features' [N, F] float (the backbone's full feature rows), or with --model 'image'
            [N, S, S, C] float (the image resized to S x S, channels last, values 0-255); outputs 'probabilities'
            [N, C], 'prediction' [N] int64 and, for one head, 'logits' [N, C]. In Python:
                import onnxruntime as ort, numpy as np
                session = ort.InferenceSession("pruned.onnx")
                probabilities = session.run(["probabilities"], {"image": np.asarray(image, np.float32)[None]})[0]

            Exit status: 0 success, 1 failure (a file cannot be read or written, the model does not fit the heads),
            2 usage error (unknown option, missing or malformed value).
            """;

    private static final Set<String> OPTIONS = Set.of("--from", "--member", "--ensemble", "--members", "--format",
            "--out", "--threads");
    private static final Set<String> FLAGS = Set.of("--help");

    private final PrintStream out;

    ExportCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws UsageException, IOException {
        Set<String> options = new HashSet<>(OPTIONS);
        options.addAll(BackboneChoice.OPTIONS);
        Arguments a = new Arguments(args, options, FLAGS);
        if (a.has("--help")) {
            out.print(HELP);
            return 0;
        }
        CompactModel model = CompactModels.load(source(a));
        Path file = Path.of(a.required("--out", "the file to write"));
        String format = format(a, file);
        if (a.has("--member") == a.has("--ensemble")) {
            throw new UsageException("give either --member I (one head) or --ensemble RULE (several)");
        }
        List<Integer> rows = rows(a, model);
        List<CompactModel.Member> members = rows.stream().map(model.members()::get).toList();
        String rule = a.has("--ensemble") ? rule(a.string("--ensemble", "")) : null;
        double[] weights = "weighted-soft".equals(rule) ? accuracies(members, rows) : null;
        if (format.equals("compact")) {
            writeCompact(file, members, rule, weights);
        } else {
            writeOnnx(a, file, members, rule, weights);
        }
        out.printf("exported %s of %d member%s %s to %s%n", rule == null ? "the head" : "a " + rule + " ensemble",
                members.size(), members.size() == 1 ? "" : "s", rows, file.toAbsolutePath());
        return 0;
    }

    private static Path source(Arguments a) throws UsageException {
        Path from = Path.of(a.required("--from", "a prune results folder or a compact model file"));
        Path file = Files.isDirectory(from) ? from.resolve(RunReport.FRONT_FILE) : from;
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--from " + from + ": " + (Files.isDirectory(from) ? "the folder holds no "
                    + RunReport.FRONT_FILE + " (run prune into it first)" : "no such file"));
        }
        return file;
    }

    private static String format(Arguments a, Path file) throws UsageException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = a.string("--format", name.endsWith(".mvp") ? "compact" : "onnx");
        if (!format.equals("onnx") && !format.equals("compact")) {
            throw new UsageException("--format must be 'onnx' or 'compact', got '" + format + "'");
        }
        if (format.equals("compact") && a.has("--model")) {
            throw new UsageException("--model makes an ONNX model: use --format onnx");
        }
        return format;
    }

    private static List<Integer> rows(Arguments a, CompactModel model) throws UsageException {
        int count = model.members().size();
        List<Integer> rows = new ArrayList<>();
        if (a.has("--member")) {
            rows.add(a.integer("--member", 0, 0));
        } else if (a.has("--members")) {
            for (String part : a.string("--members", "").split(",")) {
                try {
                    rows.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw new UsageException("--members must be comma-separated row numbers, got '"
                            + a.string("--members", "") + "'");
                }
            }
        } else {
            for (int i = 0; i < count; i++) {
                rows.add(i);
            }
        }
        for (int row : rows) {
            if (row < 0 || row >= count) {
                throw new UsageException("row " + row + " is not a member: the heads hold rows 0 to " + (count - 1));
            }
        }
        return rows;
    }

    private static String rule(String id) throws UsageException {
        try {
            return VotingRule.ofId(id).id();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--ensemble: " + e.getMessage());
        }
    }

    private static double[] accuracies(List<CompactModel.Member> members, List<Integer> rows) throws UsageException {
        double[] weights = new double[members.size()];
        for (int m = 0; m < weights.length; m++) {
            Double accuracy = members.get(m).objectives().get("accuracy");
            if (accuracy == null) {
                throw new UsageException("row " + rows.get(m) + " has no recorded accuracy to weigh it by: use "
                        + "--ensemble soft or majority");
            }
            weights[m] = accuracy;
        }
        return weights;
    }

    private static void writeCompact(Path file, List<CompactModel.Member> members, String rule, double[] weights)
            throws IOException {
        JavaSparseHead java = new JavaSparseHead();
        List<TrainedHead> heads = members.stream().map(m -> java.restore(m.parameters(), m.training())).toList();
        if (rule == null) {
            CompactModels.save(file, heads.get(0), null);
        } else {
            CompactModels.save(file, weights != null ? VotingClassifier.weighted(heads, weights)
                    : VotingClassifier.of(VotingRule.ofId(rule), heads), null);
        }
    }

    private static void writeOnnx(Arguments a, Path file, List<CompactModel.Member> members, String rule,
            double[] weights) throws UsageException, IOException {
        List<HeadParameters> heads = members.stream().map(CompactModel.Member::parameters).toList();
        OnnxExport.Builder export = OnnxExport.builder().members(heads);
        if (rule != null) {
            export.rule(rule);
        }
        if (weights != null) {
            export.weights(weights);
        }
        if (!a.has("--model")) {
            export.build().writeTo(file);
            return;
        }
        int threads = a.integer("--threads", Runtime.getRuntime().availableProcessors(), 1);
        Path model = Path.of(a.string("--model", ""));
        if (!Files.isRegularFile(model)) {
            throw new UsageException("--model " + model + ": no such file");
        }
        try (OnnxFeatureExtractor extractor = OnnxBackboneProvider.extractor(BackboneChoice.onnxOptions(a,
                threads))) {
            export.backbone(Files.readAllBytes(model), extractor).build().writeTo(file);
        }
    }
}
