package org.moevoprune.tools.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads hand-made TensorFlow.js models whose weights are known by hand. */
class TfjsModelsTest {

    @TempDir
    Path dir;

    private static final String TOPOLOGY = "modelTopology:{keras_version:\"2.2.4\",backend:\"tensorflow\","
            + "model_config:{class_name:\"Model\",config:{name:\"m\",layers:[{name:\"input_1\",class_name:\"InputLayer\","
            + "config:{batch_input_shape:[null,1,1,2],dtype:\"float32\",sparse:!1,name:\"input_1\"},inbound_nodes:[]},"
            + "{name:\"d\",class_name:\"Dense\",config:{name:\"d\",units:2,use_bias:!0,activation:\"linear\"},"
            + "inbound_nodes:[[[\"input_1\",0,0,{}]]]}],input_layers:[[\"input_1\",0,0]],"
            + "output_layers:[[\"d\",0,0]]}}}";
    private static final String MANIFEST = "weightsManifest:[{paths:[\"group1-shard1of2\",\"group1-shard2of2\"],"
            + "weights:[{name:\"d/kernel\",shape:[2,2],dtype:\"float32\",quantization:{min:-.5,scale:.25,"
            + "dtype:\"uint8\"}},{name:\"d/bias\",shape:[2],dtype:\"float32\"}]}]";

    /** Wraps a value the way the nsfwjs package's browserify bundles do. */
    private static String module(String value) {
        return "!function(e){if(\"object\"==typeof exports&&\"undefined\"!=typeof module)module.exports=e();else{"
                + "(\"undefined\"!=typeof window?window:this).model=e()}}(function(){return function e(a,n,i){"
                + "return a}({1:[function(e,a,n){a.exports=" + value + "},{}]},{},[1])(1)});";
    }

    private void writeModel(String topology, String manifest, byte[] data, int split) throws IOException {
        Files.writeString(dir.resolve("model.min.js"), module("{" + topology + "," + manifest + "}"));
        Files.writeString(dir.resolve("group1-shard1of2.min.js"),
                module("\"" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(data, split)) + "\""));
        Files.writeString(dir.resolve("group1-shard2of2.min.js"), module("\"" + Base64.getEncoder()
                .encodeToString(java.util.Arrays.copyOfRange(data, split, data.length)) + "\""));
    }

    /** Kernel bytes 0, 1, 2, 255 (uint8), then the bias as float32 1.5, −2. */
    private static byte[] weightBytes() {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).put((byte) 1).put((byte) 2).put((byte) 255).putFloat(1.5f).putFloat(-2f);
        return b.array();
    }

    @Test
    void readsTheWrappedModelAndDequantisesByHand() throws IOException {
        writeModel(TOPOLOGY, MANIFEST, weightBytes(), 5);
        KerasModel model = TfjsModels.read(dir);
        assertEquals("m", model.name());
        assertEquals(List.of("input_1", "d"), model.layers().stream().map(KerasLayer::name).toList());
        assertEquals(List.of("input_1"), model.layer("d").orElseThrow().inputs());
        Weight kernel = model.weight("d", "kernel").orElseThrow();
        assertArrayEquals(new int[] {2, 2}, kernel.shape());
        // min + scale·q = −0.5 + 0.25·(0, 1, 2, 255)
        assertArrayEquals(new float[] {-0.5f, -0.25f, 0f, 63.25f}, kernel.values(), 0f);
        assertArrayEquals(new float[] {1.5f, -2f}, model.weight("d", "bias").orElseThrow().values(), 0f);
        assertEquals(false, ((java.util.Map<?, ?>) model.layer("input_1").orElseThrow().config()).get("sparse"));
    }

    @Test
    void readsPlainJsonWithBinaryShardsAndUint16() throws IOException {
        String json = "{\"modelTopology\":{\"model_config\":{\"class_name\":\"Sequential\",\"config\":{\"name\":\"s\","
                + "\"layers\":[{\"class_name\":\"Dense\",\"config\":{\"name\":\"d\",\"units\":1,"
                + "\"batch_input_shape\":[null,1]}}]}}},\"weightsManifest\":[{\"paths\":[\"w.bin\"],\"weights\":["
                + "{\"name\":\"d/kernel\",\"shape\":[1,1],\"dtype\":\"float32\",\"quantization\":{\"dtype\":\"uint16\","
                + "\"min\":1,\"scale\":0.5}},{\"name\":\"d/bias\",\"shape\":[1],\"dtype\":\"float32\"}]}]}";
        Files.writeString(dir.resolve("model.json"), json);
        ByteBuffer b = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 258).putFloat(0.75f);
        Files.write(dir.resolve("w.bin"), b.array());
        KerasModel model = TfjsModels.read(dir.resolve("model.json"));
        assertEquals(List.of("input", "d"), model.layers().stream().map(KerasLayer::name).toList());
        assertArrayEquals(new float[] {1 + 0.5f * 258}, model.weight("d", "kernel").orElseThrow().values(), 0f);
        assertArrayEquals(new float[] {0.75f}, model.weight("d", "bias").orElseThrow().values(), 0f);
    }

    @Test
    void aMissingShardIsNamed() throws IOException {
        writeModel(TOPOLOGY, MANIFEST, weightBytes(), 5);
        Files.delete(dir.resolve("group1-shard2of2.min.js"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> TfjsModels.read(dir));
        assertTrue(e.getMessage().contains("group1-shard2of2") && e.getMessage().contains("copy all shard files"),
                e.getMessage());
    }

    @Test
    void truncatedOrOversizedShardsAreReported() throws IOException {
        writeModel(TOPOLOGY, MANIFEST, java.util.Arrays.copyOf(weightBytes(), 10), 5);
        TfjsFormatException e = assertThrows(TfjsFormatException.class, () -> TfjsModels.read(dir));
        assertTrue(e.getMessage().contains("d/bias") && e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(dir.resolve("model.min.js").toAbsolutePath(), e.file().toAbsolutePath());
        writeModel(TOPOLOGY, MANIFEST, java.util.Arrays.copyOf(weightBytes(), 13), 5);
        assertTrue(assertThrows(TfjsFormatException.class, () -> TfjsModels.read(dir)).getMessage()
                .contains("hold 13 bytes but its 2 weights use 12"));
    }

    @Test
    void damagedFilesAreNamed() throws IOException {
        writeModel(TOPOLOGY, MANIFEST, weightBytes(), 5);
        Files.writeString(dir.resolve("group1-shard1of2.min.js"), module("\"not base64!\""));
        TfjsFormatException e = assertThrows(TfjsFormatException.class, () -> TfjsModels.read(dir));
        assertTrue(e.getMessage().contains("group1-shard1of2.min.js") && e.getMessage().contains("base64"),
                e.getMessage());
        Files.writeString(dir.resolve("model.min.js"), module("{" + TOPOLOGY + "," + MANIFEST.replace("]}]", "]}")
                + "}"));
        e = assertThrows(TfjsFormatException.class, () -> TfjsModels.read(dir));
        assertTrue(e.getMessage().contains("model.min.js") && e.getMessage().contains("malformed"), e.getMessage());
        Files.writeString(dir.resolve("model.min.js"), "module.exports={format:\"graph-model\",weightsManifest:[]}");
        e = assertThrows(TfjsFormatException.class, () -> TfjsModels.read(dir));
        assertTrue(e.getMessage().contains("graph model"), e.getMessage());
    }

    @Test
    void hostileModelFilesAreNamedWithThePosition() throws IOException {
        writeModel(TOPOLOGY, MANIFEST, weightBytes(), 5);
        Path model = dir.resolve("model.min.js");
        Files.writeString(model, "module.exports={modelTopology:" + "[".repeat(3000));
        TfjsFormatException deep = assertThrows(TfjsFormatException.class, () -> TfjsModels.read(dir));
        assertTrue(deep.getMessage().contains("model.min.js") && deep.getMessage().contains("line 1, column 542")
                && deep.getMessage().contains("more than 512 nested levels"), deep.getMessage());
        Files.write(model, new byte[] {'{', 'a', ':', '"', (byte) 0x80, '"', '}'});
        IOException encoding = assertThrows(IOException.class, () -> TfjsModels.read(dir));
        assertTrue(encoding.getMessage().contains("model.min.js is not valid UTF-8: byte 0x80 at byte offset 4"),
                encoding.getMessage());
    }

    @Test
    void unsupportedQuantisationIsExplained() throws IOException {
        writeModel(TOPOLOGY, MANIFEST.replace("dtype:\"uint8\"", "dtype:\"float16\""), weightBytes(), 5);
        TfjsFormatException e = assertThrows(TfjsFormatException.class, () -> TfjsModels.read(dir));
        assertTrue(e.getMessage().contains("d/kernel") && e.getMessage().contains("uint8/uint16"), e.getMessage());
    }

    @Test
    void aMissingFolderOrModelFileIsNamed() throws IOException {
        assertTrue(assertThrows(NoSuchFileException.class, () -> TfjsModels.read(dir)).getMessage()
                .contains("model.json, model.min.js, model.js"));
        assertThrows(NoSuchFileException.class, () -> TfjsModels.read(dir.resolve("nothing")));
    }
}
