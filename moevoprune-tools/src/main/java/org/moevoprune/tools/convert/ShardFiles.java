package org.moevoprune.tools.convert;

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

    /**
     * The bytes of the base64 string in a JS shard: the string assigned to {@code exports} (the bundle's module
     * value), or else the longest string literal in the file.
     */
    static byte[] decodeJs(Path shard) throws IOException {
        String text = Files.readString(shard, StandardCharsets.ISO_8859_1);
        int[] span = exportedString(shard, text);
        if (span == null) {
            span = longestString(shard, text);
        }
        if (span == null) {
            throw new TfjsFormatException(shard, "no string literal found: a .js weight shard holds its bytes as one "
                    + "base64 string");
        }
        try {
            return Base64.getDecoder().decode(text.substring(span[0], span[1]));
        } catch (IllegalArgumentException e) {
            throw new TfjsFormatException(shard, "its weight string (" + (span[1] - span[0]) + " characters at "
                    + span[0] + ") is not valid base64: " + e.getMessage() + "; the shard file is damaged, fetch "
                    + "the package again", e);
        }
    }

    private static int[] exportedString(Path shard, String text) throws TfjsFormatException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("exports\\s*=\\s*([\"'])").matcher(text);
        if (!m.find()) {
            return null;
        }
        int start = m.end();
        int end = closingQuote(shard, text, start, m.group(1).charAt(0));
        return new int[] {start, end};
    }

    private static int[] longestString(Path shard, String text) throws TfjsFormatException {
        int[] best = null;
        for (int i = 0; i < text.length(); i++) {
            char quote = text.charAt(i);
            if (quote != '"' && quote != '\'') {
                continue;
            }
            int end = closingQuote(shard, text, i + 1, quote);
            if (best == null || end - i - 1 > best[1] - best[0]) {
                best = new int[] {i + 1, end};
            }
            i = end;
        }
        return best;
    }

    private static int closingQuote(Path shard, String text, int from, char quote) throws TfjsFormatException {
        int j = from;
        while (j < text.length() && text.charAt(j) != quote) {
            j += text.charAt(j) == '\\' ? 2 : 1;
        }
        if (j >= text.length()) {
            throw new TfjsFormatException(shard, "unterminated string starting at character " + (from - 1));
        }
        return j;
    }
}
