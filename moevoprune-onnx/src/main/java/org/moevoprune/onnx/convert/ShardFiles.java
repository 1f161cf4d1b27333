package org.moevoprune.onnx.convert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/** Reads the weight shards of a TensorFlow.js model: raw binary files, or JS files holding one base64 string. */
final class ShardFiles {

    private ShardFiles() {
    }

    /** The bytes of the shards {@code paths} (relative to the model file's folder), concatenated in order. */
    static byte[] concatenate(Path modelFile, List<Object> paths) throws IOException {
        Path folder = modelFile.toAbsolutePath().getParent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : paths) {
            if (!(p instanceof String name) || name.isEmpty() || name.contains("..")) {
                throw new TfjsFormatException(modelFile, "weightsManifest names the shard " + ConfigValues.describe(p)
                        + ": expected a file name relative to the model's folder");
            }
            out.write(read(modelFile, folder, name));
        }
        return out.toByteArray();
    }

    private static byte[] read(Path modelFile, Path folder, String name) throws IOException {
        for (String suffix : new String[] {"", ".min.js", ".js"}) {
            Path shard = folder.resolve(name + suffix);
            if (Files.isRegularFile(shard)) {
                return shard.getFileName().toString().endsWith(".js") ? decodeJs(shard) : Files.readAllBytes(shard);
            }
        }
        throw new NoSuchFileException(folder.resolve(name).toString(), null, "weight shard named in "
                + modelFile.getFileName() + " is missing (also looked for " + name + ".min.js and " + name
                + ".js): copy all shard files next to the model file");
    }

    /** The bytes of the base64 string in a JS shard: the longest string literal in the file. */
    static byte[] decodeJs(Path shard) throws IOException {
        String text = Files.readString(shard, StandardCharsets.ISO_8859_1);
        int bestStart = -1;
        int bestEnd = -1;
        for (int i = 0; i < text.length(); i++) {
            char quote = text.charAt(i);
            if (quote != '"' && quote != '\'') {
                continue;
            }
            int j = i + 1;
            while (j < text.length() && text.charAt(j) != quote) {
                j += text.charAt(j) == '\\' ? 2 : 1;
            }
            if (j >= text.length()) {
                throw new TfjsFormatException(shard, "unterminated string starting at character " + i);
            }
            if (j - i - 1 > bestEnd - bestStart) {
                bestStart = i + 1;
                bestEnd = j;
            }
            i = j;
        }
        if (bestStart < 0) {
            throw new TfjsFormatException(shard, "no string literal found: a .js weight shard holds its bytes as one "
                    + "base64 string");
        }
        try {
            return Base64.getDecoder().decode(text.substring(bestStart, bestEnd));
        } catch (IllegalArgumentException e) {
            throw new TfjsFormatException(shard, "its longest string (" + (bestEnd - bestStart) + " characters at "
                    + bestStart + ") is not valid base64: " + e.getMessage() + "; the shard file is damaged, fetch "
                    + "the package again", e);
        }
    }
}
