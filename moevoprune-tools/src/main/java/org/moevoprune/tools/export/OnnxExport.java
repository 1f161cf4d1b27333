package org.moevoprune.tools.export;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.core.internal.AtomicFiles;
import org.moevoprune.onnx.OnnxFeatureExtractor;
import org.moevoprune.onnx.Preprocessing;
import org.moevoprune.tools.internal.OnnxGraph;
import org.moevoprune.tools.internal.OnnxGraph.Attr;

/**
 * A pruned head, an ensemble of them, or the whole pruned model (backbone + gather of the active features + head,
 * image in, probabilities out) as one ONNX model that ONNX Runtime (or any ONNX runtime) runs without moevoprune.
 *
 * <h2>Graph contract</h2>
 * <ul>
 *   <li>Input: without a backbone, {@value #FEATURES} {@code [N, F]} float, the backbone's full feature rows (the
 *       graph gathers the active columns itself). With a backbone, {@value #IMAGE} {@code [N, S, S, C]} float: the
 *       image resized to the preprocessing's {@code S × S}, channels last, pixel values 0–255 (what
 *       {@code numpy.asarray(PIL.Image.open(f).convert("RGB").resize((S, S)), numpy.float32)} gives); the graph
 *       scales, normalises and (for NCHW backbones) transposes it exactly as {@link Preprocessing} does.</li>
 *   <li>Outputs: {@value #PROBABILITIES} {@code [N, C]} float (a head's softmax; an ensemble's vote shares or mean
 *       probabilities, as its rule says), {@value #PREDICTION} {@code [N]} int64 (their argmax, ties to the smallest
 *       class, as in moevoprune), and for a single head {@value #LOGITS} {@code [N, C]}.</li>
 *   <li>Each head: {@code Gather(axis 1)} of its active feature indices, {@code MatMul} by the {@code k × H} hidden
 *       weights, {@code Relu}, {@code MatMul} by the {@code H × C} output weights, {@code Add} of the bias. Majority
 *       vote: {@code ArgMax} per member, {@code OneHot}, {@code Sum}, divided by the member count. Soft vote: mean
 *       of the members' {@code Softmax}; weighted: {@code Σ w·p} with the normalised weights.</li>
 *   <li>Metadata ({@code moevoprune.*}): {@code export} ({@code head}, {@code ensemble}, or with a backbone
 *       {@code pruned-model}), {@code feature_count}, {@code class_count}, {@code rule}, {@code members},
 *       {@code active_features} (each member's indices, members separated by {@code ;}), {@code class_names} (a
 *       JSON array) when given, and with a backbone {@code backbone_sha256}, {@code backbone_feature_output},
 *       {@code preprocessing} and {@code input_size}.</li>
 * </ul>
 * Without a backbone the model is ONNX IR 7, default operator set {@value OnnxGraph#OPSET}. With one, the backbone's
 * graph keeps only the nodes its feature output needs, its own outputs are dropped, and the model keeps its operator
 * sets (at least {@value BackboneGraph#MIN_OPSET} are needed).
 *
 * <p>Immutable; built by {@link #builder()}.
 */
public final class OnnxExport {

    /** Input name of a head or ensemble model: the full feature rows. */
    public static final String FEATURES = "features";
    /** Input name of a whole pruned model: the resized image, NHWC, 0–255. */
    public static final String IMAGE = "image";
    /** Output name: a single head's logits. */
    public static final String LOGITS = "logits";
    /** Output name: the class probabilities (vote shares for a majority vote). */
    public static final String PROBABILITIES = "probabilities";
    /** Output name: the predicted class. */
    public static final String PREDICTION = "prediction";

    private final byte[] bytes;
    private final String inputName;

    private OnnxExport(byte[] bytes, String inputName) {
        this.bytes = bytes;
        this.inputName = inputName;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a copy of the serialized model */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the input's name: {@value #FEATURES} or {@value #IMAGE} */
    public String inputName() {
        return inputName;
    }

    /**
     * Writes the model file atomically.
     *
     * @param file the {@code .onnx} file to create or replace; its folder must exist
     * @throws IOException if writing fails; an existing file is then unchanged
     */
    public void writeTo(Path file) throws IOException {
        AtomicFiles.write(Objects.requireNonNull(file, "file"), out -> out.write(bytes));
    }

    @Override
    public String toString() {
        return "OnnxExport[" + inputName + " -> " + PROBABILITIES + ", " + bytes.length + " bytes]";
    }

    /** Assembles an {@link OnnxExport}; setters validate their argument. Not thread-safe. */
    public static final class Builder {
        private final List<HeadParameters> members = new ArrayList<>();
        private String rule;
        private double[] weights;
        private List<String> classNames;
        private byte[] backbone;
        private OnnxFeatureExtractor extractor;

        private Builder() {
        }

        /**
         * @param head a head; add one for a single-head model, several for an ensemble
         * @return this builder
         */
        public Builder member(HeadParameters head) {
            members.add(Objects.requireNonNull(head, "head"));
            return this;
        }

        /**
         * @param heads heads to add, in voting order
         * @return this builder
         */
        public Builder members(List<HeadParameters> heads) {
            heads.forEach(this::member);
            return this;
        }

        /**
         * @param id the ensemble's voting rule: {@code majority}, {@code soft} or {@code weighted-soft} (the ids of
         *     core's voting rules); needed whenever there is more than one member, optional for one
         * @return this builder
         * @throws IllegalArgumentException for another id
         */
        public Builder rule(String id) {
            if (!List.of("majority", "soft", "weighted-soft").contains(Objects.requireNonNull(id, "id"))) {
                throw new IllegalArgumentException("unknown voting rule '" + id + "': use majority, soft or "
                        + "weighted-soft");
            }
            this.rule = id;
            return this;
        }

        /**
         * @param values one finite weight ≥ 0 per member, not all 0 (for {@code weighted-soft}); normalised to sum 1
         * @return this builder
         * @throws IllegalArgumentException if a weight is negative or not finite, or all are 0
         */
        public Builder weights(double... values) {
            double sum = 0;
            for (double w : values) {
                if (!(w >= 0 && Double.isFinite(w))) {
                    throw new IllegalArgumentException("weights must be finite and ≥ 0, got " + w);
                }
                sum += w;
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("all weights are 0: give at least one member a positive weight");
            }
            double[] normalised = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                normalised[i] = values[i] / sum;
            }
            this.weights = normalised;
            return this;
        }

        /**
         * @param names the class names, one per class, recorded in the metadata
         * @return this builder
         */
        public Builder classNames(List<String> names) {
            this.classNames = List.copyOf(names);
            return this;
        }

        /**
         * Makes the whole pruned model: the backbone in front of the heads.
         *
         * @param model the serialized backbone, the very model {@code extractor} was built from
         * @param extractor its extractor, which knows the image input, layout, channels, feature output and
         *     preprocessing the heads were trained with
         * @return this builder
         * @throws IllegalArgumentException if the bytes are not the extractor's model (their SHA-256 differs)
         */
        public Builder backbone(byte[] model, OnnxFeatureExtractor extractor) {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(extractor, "extractor");
            if (!sha256(model).equals(extractor.modelSha256())) {
                throw new IllegalArgumentException("the backbone bytes are not the model the extractor was built "
                        + "from (SHA-256 " + sha256(model) + " vs " + extractor.modelSha256() + ")");
            }
            this.backbone = model.clone();
            this.extractor = extractor;
            return this;
        }

        /**
         * @return the model
         * @throws IllegalArgumentException if there is no member, the members' feature or class counts differ, there
         *     are several members but no rule, the weights do not match the members, or (with a backbone) its
         *     feature dimension differs from the heads' or its graph cannot take the appended nodes
         */
        public OnnxExport build() {
            check();
            OnnxGraph graph = new OnnxGraph("moevoprune-" + kind());
            if (backbone == null) {
                graph.input(FEATURES, "N", (long) members.get(0).featureCount());
                HeadNodes.append(graph, FEATURES, members, rule, weights);
                return new OnnxExport(graph.model("moevoprune", "0.1.0", description(), metadata()), FEATURES);
            }
            BackboneGraph base = new BackboneGraph(backbone, extractor.inputName(), extractor.featureOutput());
            graph.reserve(base.names());
            for (String name : List.of(IMAGE, LOGITS, PROBABILITIES, PREDICTION)) {
                if (base.names().contains(name)) {
                    throw new IllegalArgumentException("the backbone's graph already has a value named '" + name
                            + "' that its feature output needs: rename it in the backbone");
                }
            }
            graph.input(IMAGE, "N", (long) extractor.preprocessing().size(), (long) extractor.preprocessing().size(),
                    (long) extractor.inputChannels());
            preprocess(graph);
            String features = graph.node("Flatten", "moevoprune/features", new String[] {extractor.featureOutput()},
                    Attr.i("axis", 1));
            HeadNodes.append(graph, features, members, rule, weights);
            return new OnnxExport(base.model(graph.graphBytes(), metadata()), IMAGE);
        }

        /** (x / 255 − mean) / std per channel, as {@link Preprocessing#fill} computes it, NHWC → the backbone's. */
        private void preprocess(OnnxGraph graph) {
            int c = extractor.inputChannels();
            Preprocessing p = extractor.preprocessing();
            float[] mean = java.util.Arrays.copyOf(p.mean(), c);
            float[] std = java.util.Arrays.copyOf(p.std(), c);
            String x = IMAGE;
            int[] dims = {c};
            if (!extractor.channelsLast()) {
                x = graph.node("Transpose", "moevoprune/image_nchw", new String[] {x}, Attr.ints("perm", 0, 3, 1, 2));
                dims = new int[] {c, 1, 1};
            }
            String scale = graph.floats("moevoprune/pixel_scale", new int[] {}, new float[] {255f});
            String scaled = graph.node("Div", "moevoprune/image_scaled", new String[] {x, scale});
            String m = graph.floats("moevoprune/mean", dims, mean);
            String centred = graph.node("Sub", "moevoprune/image_centred", new String[] {scaled, m});
            String s = graph.floats("moevoprune/std", dims, std);
            graph.node("Div", extractor.inputName(), new String[] {centred, s});
        }

        private void check() {
            if (members.isEmpty()) {
                throw new IllegalArgumentException("nothing to export: add a head with member(...)");
            }
            HeadParameters first = members.get(0);
            for (int m = 1; m < members.size(); m++) {
                HeadParameters h = members.get(m);
                if (h.featureCount() != first.featureCount() || h.classCount() != first.classCount()) {
                    throw new IllegalArgumentException("member " + m + " reads " + h.featureCount() + " features and "
                            + "predicts " + h.classCount() + " classes but member 0 reads " + first.featureCount()
                            + " and predicts " + first.classCount() + ": export heads trained on the same data");
                }
            }
            if (members.size() > 1 && rule == null) {
                throw new IllegalArgumentException(members.size() + " members need a voting rule: rule(\"majority\"),"
                        + " \"soft\" or \"weighted-soft\"");
            }
            if ("weighted-soft".equals(rule) && (weights == null || weights.length != members.size())) {
                throw new IllegalArgumentException("the weighted-soft rule needs one weight per member ("
                        + members.size() + "), got " + (weights == null ? "none" : weights.length));
            }
            if (rule != null && !"weighted-soft".equals(rule) && weights != null) {
                throw new IllegalArgumentException("weights are read by the weighted-soft rule only, not " + rule);
            }
            if (classNames != null && classNames.size() != first.classCount()) {
                throw new IllegalArgumentException(classNames.size() + " class names for " + first.classCount()
                        + " classes: give one name per class");
            }
            if (extractor != null && extractor.featureDimension() != first.featureCount()) {
                throw new IllegalArgumentException("the backbone gives " + extractor.featureDimension() + " features "
                        + "but the heads read " + first.featureCount() + ": export with the backbone (model, feature "
                        + "output) the heads were trained on");
            }
        }

        private String kind() {
            return backbone != null ? "pruned-model" : rule != null ? "ensemble" : "head";
        }

        private String description() {
            return "moevoprune " + kind() + ": " + members.size() + " head" + (members.size() == 1 ? "" : "s")
                    + (rule == null ? "" : ", " + rule + " vote");
        }

        private Map<String, String> metadata() {
            Map<String, String> meta = new LinkedHashMap<>();
            HeadParameters first = members.get(0);
            meta.put("moevoprune.export", kind());
            meta.put("moevoprune.feature_count", Integer.toString(first.featureCount()));
            meta.put("moevoprune.class_count", Integer.toString(first.classCount()));
            meta.put("moevoprune.rule", rule == null ? "none" : rule);
            meta.put("moevoprune.members", Integer.toString(members.size()));
            StringJoiner active = new StringJoiner(";");
            for (HeadParameters h : members) {
                StringJoiner indices = new StringJoiner(",");
                h.mask().forEachActive(i -> indices.add(Integer.toString(i)));
                active.add(indices.toString());
            }
            meta.put("moevoprune.active_features", active.toString());
            if (classNames != null) {
                meta.put("moevoprune.class_names", json(classNames));
            }
            if (extractor != null) {
                meta.put("moevoprune.backbone_sha256", extractor.modelSha256());
                meta.put("moevoprune.backbone_feature_output", extractor.featureOutput());
                meta.put("moevoprune.preprocessing", extractor.preprocessing().key());
                meta.put("moevoprune.input_size", String.format(Locale.ROOT, "%d", extractor.preprocessing().size()));
            }
            return meta;
        }

        private static String json(List<String> strings) {
            StringJoiner out = new StringJoiner(",", "[", "]");
            for (String s : strings) {
                StringBuilder q = new StringBuilder("\"");
                for (char ch : s.toCharArray()) {
                    if (ch == '"' || ch == '\\') {
                        q.append('\\').append(ch);
                    } else if (ch < 0x20) {
                        q.append(String.format("\\u%04x", (int) ch));
                    } else {
                        q.append(ch);
                    }
                }
                out.add(q.append('"'));
            }
            return out.toString();
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }
}
