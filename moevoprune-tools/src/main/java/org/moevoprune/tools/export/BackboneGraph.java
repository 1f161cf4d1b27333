package org.moevoprune.tools.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moevoprune.tools.internal.ProtoReader;
import org.moevoprune.tools.internal.ProtoReader.Field;
import org.moevoprune.tools.internal.ProtoWriter;

/**
 * A backbone ONNX model taken apart so that nodes can be appended to it: its graph keeps only the nodes (and
 * initializers) the feature output needs, loses its outputs and its image input (which the appended preprocessing
 * nodes then produce), and the model keeps its operator sets, other metadata and every field this code does not
 * know. Field numbers follow {@code onnx.proto}. Not thread-safe.
 */
final class BackboneGraph {

    /** The least default-domain operator set the appended nodes need ({@code OneHot}: 9). */
    static final int MIN_OPSET = 9;
    private static final String META_PREFIX = "moevoprune.";

    private final byte[] model;
    private final List<Field> modelFields;
    private final Set<String> names = new HashSet<>();
    private final ProtoWriter keptGraph = new ProtoWriter();

    /**
     * @param model the serialized backbone
     * @param input its image input, to be produced by appended nodes
     * @param featureOutput the value holding the features
     * @throws IllegalArgumentException if the bytes are not an ONNX model, its operator set is older than
     *     {@value #MIN_OPSET}, or the input or output is not in its graph
     */
    BackboneGraph(byte[] model, String input, String featureOutput) {
        this.model = model;
        this.modelFields = ProtoReader.fields(model);
        Field graphField = single(modelFields, 7, "graph");
        checkOpset();
        prune(ProtoReader.fields(model, graphField), input, featureOutput);
    }

    /**
     * @return every value name the kept graph uses (node inputs and outputs, initializers, inputs) except the image
     *     input, which the appended nodes must produce
     */
    Set<String> names() {
        return names;
    }

    /**
     * @param appended the graph fields to add (nodes, initializers, inputs, outputs)
     * @param metadata metadata to set; the backbone's own {@code moevoprune.*} entries are dropped
     * @return the whole model
     */
    byte[] model(byte[] appended, Map<String, String> metadata) {
        ProtoWriter out = new ProtoWriter();
        for (Field f : modelFields) {
            if (f.number() == 1) {
                // IR 4 made initializers optional graph inputs; the appended initializers rely on it.
                out.int64(1, Math.max(4, f.varint()));
            } else if (f.number() == 14) {
                if (!metadataKey(f).startsWith(META_PREFIX)) {
                    out.raw(model, f.start(), f.end() - f.start());
                }
            } else if (f.number() != 7) {
                out.raw(model, f.start(), f.end() - f.start());
            }
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            out.message(14, new ProtoWriter().string(1, e.getKey()).string(2, e.getValue()));
        }
        ProtoWriter g = new ProtoWriter();
        byte[] kept = keptGraph.toByteArray();
        g.raw(kept, 0, kept.length).raw(appended, 0, appended.length);
        return out.message(7, g).toByteArray();
    }

    private String metadataKey(Field entry) {
        for (Field f : ProtoReader.fields(model, entry)) {
            if (f.number() == 1 && f.wireType() == ProtoReader.LENGTH_DELIMITED) {
                return f.string(model);
            }
        }
        return "";
    }

    private void checkOpset() {
        for (Field f : modelFields) {
            if (f.number() != 8) {
                continue;
            }
            String domain = "";
            long version = 0;
            for (Field g : ProtoReader.fields(model, f)) {
                if (g.number() == 1 && g.wireType() == ProtoReader.LENGTH_DELIMITED) {
                    domain = g.string(model);
                } else if (g.number() == 2) {
                    version = g.varint();
                }
            }
            if ((domain.isEmpty() || domain.equals("ai.onnx")) && version < MIN_OPSET) {
                throw new IllegalArgumentException("the backbone uses ONNX operator set " + version + "; the export "
                        + "needs " + MIN_OPSET + " or later: re-export the backbone with a newer opset (e.g. "
                        + "torch.onnx.export(..., opset_version=13))");
            }
        }
    }

    /** A node's value names and whether it holds a subgraph (If, Loop, Scan), which may read any outer value. */
    private record Node(Field field, List<String> inputs, List<String> outputs, boolean subgraph) {
    }

    private void prune(List<Field> graphFields, String input, String featureOutput) {
        List<Node> nodes = new ArrayList<>();
        Map<String, Field> initializers = new LinkedHashMap<>();
        for (Field f : graphFields) {
            if (f.number() == 1) {
                nodes.add(node(f));
            } else if (f.number() == 5) {
                initializers.put(tensorName(f), f);
            }
        }
        boolean anySubgraph = nodes.stream().anyMatch(Node::subgraph);
        Set<String> needed = new HashSet<>();
        needed.add(featureOutput);
        boolean[] keep = new boolean[nodes.size()];
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (anySubgraph || n.outputs().stream().anyMatch(needed::contains)) {
                keep[i] = true;
                needed.addAll(n.inputs());
            }
        }
        if (!anySubgraph && !produced(nodes, keep, featureOutput) && !initializers.containsKey(featureOutput)) {
            throw new IllegalArgumentException("no node of the backbone produces its feature output '" + featureOutput
                    + "'");
        }
        if (!needed.contains(input)) {
            throw new IllegalArgumentException("the feature output '" + featureOutput + "' does not depend on the "
                    + "image input '" + input + "'");
        }
        Map<Integer, Integer> nodeIndex = new java.util.HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            nodeIndex.put(nodes.get(i).field().start(), i);
        }
        for (Field f : graphFields) {
            boolean copy = switch (f.number()) {
                case 1 -> keep[nodeIndex.get(f.start())];
                case 5 -> anySubgraph || needed.contains(tensorName(f));
                case 11 -> {
                    String name = valueName(f);
                    yield !name.equals(input) && (anySubgraph || needed.contains(name));
                }
                case 12 -> false;
                case 13 -> anySubgraph || needed.contains(valueName(f));
                default -> true;
            };
            if (copy) {
                keptGraph.raw(model, f.start(), f.end() - f.start());
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (keep[i]) {
                names.addAll(nodes.get(i).inputs());
                names.addAll(nodes.get(i).outputs());
            }
        }
        initializers.keySet().stream().filter(n -> anySubgraph || needed.contains(n)).forEach(names::add);
        // The image input is no longer a graph input: the appended preprocessing produces it.
        names.remove(input);
        names.remove("");
    }

    private static boolean produced(List<Node> nodes, boolean[] keep, String value) {
        for (int i = 0; i < nodes.size(); i++) {
            if (keep[i] && nodes.get(i).outputs().contains(value)) {
                return true;
            }
        }
        return false;
    }

    private Node node(Field f) {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        boolean subgraph = false;
        for (Field g : ProtoReader.fields(model, f)) {
            if (g.number() == 1 && g.wireType() == ProtoReader.LENGTH_DELIMITED) {
                inputs.add(g.string(model));
            } else if (g.number() == 2 && g.wireType() == ProtoReader.LENGTH_DELIMITED) {
                outputs.add(g.string(model));
            } else if (g.number() == 5 && g.wireType() == ProtoReader.LENGTH_DELIMITED) {
                for (Field a : ProtoReader.fields(model, g)) {
                    subgraph |= a.number() == 6 || a.number() == 11;
                }
            }
        }
        return new Node(f, inputs, outputs, subgraph);
    }

    private String tensorName(Field tensor) {
        for (Field f : ProtoReader.fields(model, tensor)) {
            if (f.number() == 8 && f.wireType() == ProtoReader.LENGTH_DELIMITED) {
                return f.string(model);
            }
        }
        return "";
    }

    private String valueName(Field valueInfo) {
        for (Field f : ProtoReader.fields(model, valueInfo)) {
            if (f.number() == 1 && f.wireType() == ProtoReader.LENGTH_DELIMITED) {
                return f.string(model);
            }
        }
        return "";
    }

    private static Field single(List<Field> fields, int number, String what) {
        Field found = null;
        for (Field f : fields) {
            if (f.number() == number && f.wireType() == ProtoReader.LENGTH_DELIMITED) {
                found = f;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("the backbone bytes hold no ONNX " + what + ": is it an .onnx model?");
        }
        return found;
    }
}
