package org.moevoprune.tools.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Builds one ONNX model (IR version 7, default-domain opset {@value #OPSET}) node by node and encodes it with
 * {@link ProtoWriter}; field numbers follow {@code onnx.proto}. Names of values must be unique; the builder checks.
 * Not thread-safe.
 */
public final class OnnxGraph {

    /** The default-domain operator set the converter targets. */
    public static final int OPSET = 13;
    private static final int IR_VERSION = 7;
    /** ONNX element type of float32 tensors. */
    public static final int FLOAT = 1;
    /** ONNX element type of int64 tensors. */
    public static final int INT64 = 7;

    private final ProtoWriter graph = new ProtoWriter();
    private final Set<String> names = new HashSet<>();

    /**
     * @param name the graph's name
     */
    public OnnxGraph(String name) {
        graph.string(2, name);
    }

    /** One node attribute. */
    public static final class Attr {
        final ProtoWriter proto = new ProtoWriter();

        private Attr(String name, int type) {
            proto.string(1, name).int64(20, type);
        }

        public static Attr i(String name, long value) {
            Attr a = new Attr(name, 2);
            a.proto.int64(3, value);
            return a;
        }

        public static Attr f(String name, float value) {
            Attr a = new Attr(name, 1);
            a.proto.float32(2, value);
            return a;
        }

        public static Attr s(String name, String value) {
            Attr a = new Attr(name, 3);
            a.proto.string(4, value);
            return a;
        }

        public static Attr ints(String name, long... values) {
            Attr a = new Attr(name, 7);
            a.proto.packedInt64(8, values);
            return a;
        }
    }

    /** Adds a float initializer and returns its name. */
    public String floats(String name, int[] dims, float[] values) {
        claim(name);
        ProtoWriter t = new ProtoWriter();
        for (int d : dims) {
            t.int64(1, d);
        }
        t.int64(2, FLOAT).string(8, name).rawFloats(9, values);
        graph.message(5, t);
        return name;
    }

    /** Adds an int64 initializer (a 1-D tensor) and returns its name. */
    public String int64s(String name, long... values) {
        claim(name);
        ProtoWriter t = new ProtoWriter();
        t.int64(1, values.length).int64(2, INT64).string(8, name).packedInt64(7, values);
        graph.message(5, t);
        return name;
    }

    /** Adds a node with one output and returns the output's name. */
    public String node(String opType, String output, String[] inputs, Attr... attributes) {
        claim(output);
        ProtoWriter n = new ProtoWriter();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output).string(3, output).string(4, opType);
        for (Attr a : attributes) {
            n.message(5, a.proto);
        }
        graph.message(1, n);
        return output;
    }

    /** Declares a float graph input; a dimension is a {@link Long} size or a {@link String} symbol. */
    public void input(String name, Object... dims) {
        claim(name);
        graph.message(11, valueInfo(name, FLOAT, dims));
    }

    /** Declares a float graph output already produced by a node. */
    public void output(String name, Object... dims) {
        typedOutput(name, FLOAT, dims);
    }

    /**
     * Declares a graph output of the given element type already produced by a node.
     *
     * @param name the value
     * @param elementType {@link #FLOAT} or {@link #INT64}
     * @param dims each a {@link Long} size or a {@link String} symbol
     */
    public void typedOutput(String name, int elementType, Object... dims) {
        if (!names.contains(name)) {
            throw new IllegalStateException("graph output '" + name + "' is produced by no node");
        }
        graph.message(12, valueInfo(name, elementType, dims));
    }

    /**
     * Marks names as taken by values this builder does not make (those of a graph it is appended to).
     *
     * @param taken the names
     */
    public void reserve(java.util.Collection<String> taken) {
        names.addAll(taken);
    }

    /** @return whether a value of that name exists (made here or {@link #reserve reserved}) */
    public boolean has(String name) {
        return names.contains(name);
    }

    /**
     * The encoded graph fields so far (nodes, initializers, inputs, outputs, name): appended to another encoded
     * GraphProto they add to it, as protocol buffers merge repeated fields.
     *
     * @return the bytes
     */
    public byte[] graphBytes() {
        return graph.toByteArray();
    }

    /** Encodes the whole model. */
    public byte[] model(String producer, String producerVersion, String docString, Map<String, String> metadata) {
        ProtoWriter model = new ProtoWriter();
        model.int64(1, IR_VERSION).string(2, producer).string(3, producerVersion).string(6, docString);
        model.message(8, new ProtoWriter().string(1, "").int64(2, OPSET));
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            model.message(14, new ProtoWriter().string(1, e.getKey()).string(2, e.getValue()));
        }
        model.message(7, graph);
        return model.toByteArray();
    }

    private static ProtoWriter valueInfo(String name, int elementType, Object[] dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object d : dims) {
            ProtoWriter dim = new ProtoWriter();
            if (d instanceof String symbol) {
                dim.string(2, symbol);
            } else {
                dim.int64(1, ((Number) d).longValue());
            }
            shape.message(1, dim);
        }
        ProtoWriter tensor = new ProtoWriter().int64(1, elementType).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }

    private void claim(String name) {
        if (!names.add(name)) {
            throw new IllegalStateException("ONNX value name '" + name + "' used twice");
        }
    }
}
