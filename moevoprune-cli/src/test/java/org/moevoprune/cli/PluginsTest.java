package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.Objective;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.api.testkit.SyntheticData;

/**
 * {@code --plugins DIR}: an objective plugin compiled here into a jar of its own, unknown to the command line's class
 * path, is found once its folder is given.
 */
class PluginsTest {

    private static final String SOURCE = """
            package plugin;

            public final class Half implements org.moevoprune.api.Objective {
                public Half() {
                }

                @Override
                public String id() {
                    return "half-plugin";
                }

                @Override
                public Direction direction() {
                    return Direction.MAXIMIZE;
                }

                @Override
                public double evaluate(org.moevoprune.api.EvaluationContext context) {
                    return 0.5;
                }
            }
            """;

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildThePluginJar() throws IOException, URISyntaxException {
        Path source = Files.createDirectories(dir.resolve("src/plugin")).resolve("Half.java");
        Files.writeString(source, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String api = Path.of(Objective.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-classpath", api, "-d", classes.toString(), source.toString()));
        Path jar = Files.createDirectories(dir.resolve("plugins")).resolve("half.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "plugin/Half.class", Files.readAllBytes(classes.resolve("plugin/Half.class")));
            put(out, "META-INF/services/org.moevoprune.api.Objective",
                    "plugin.Half\n".getBytes(StandardCharsets.UTF_8));
        }
        SyntheticData.Problem p = SyntheticData.blobs(5, 60, 30, 8, 3, 3, 2.0);
        FeatureFiles.writeNpz(dir.resolve("train.npz"), p.train(), null);
        FeatureFiles.writeNpz(dir.resolve("test.npz"), p.test(), null);
        FeatureFiles.writeNpz(dir.resolve("ood.npz"), p.ood());
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static int run(OutputStream err, String... args) {
        return Main.run(List.of(args), new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String[] prune(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("prune", "--train", dir.resolve("train.npz").toString(),
                "--test", dir.resolve("test.npz").toString(), "--ood", dir.resolve("ood.npz").toString(), "--out",
                out.toString(), "--objectives", "accuracy,active-fraction,half-plugin", "--population", "4",
                "--evaluations", "6", "--epochs", "3", "--hidden", "4", "--quiet"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void anObjectivePluginIsFoundInThePluginsFolder() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = dir.resolve("with");
        assertEquals(0, run(err, prune(out, "--plugins", dir.resolve("plugins").toString())),
                err.toString(StandardCharsets.UTF_8));
        String header = Files.readAllLines(out.resolve("front.csv")).get(0);
        assertTrue(header.contains("half"), header);
        for (String row : Files.readAllLines(out.resolve("front.csv")).subList(1, 2)) {
            assertTrue(row.contains(",0.5,"), row);
        }
        assertEquals(Thread.currentThread().getContextClassLoader(), PluginsTest.class.getClassLoader(),
                "the context class loader is restored");
    }

    @Test
    void withoutTheFolderThePluginIsMissing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, run(err, prune(dir.resolve("without"))));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("half-plugin"), err.toString(StandardCharsets.UTF_8));
    }
}
