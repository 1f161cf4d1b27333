package org.moevoprune.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.moevoprune.api.ProviderNotFoundException;
import org.moevoprune.core.result.Provenance;

/**
 * The {@code moevoprune} command line: {@code java -jar moevoprune.jar <command> [options]}, commands
 * {@code demo}, {@code extract}, {@code prune} and {@code export}. Bad arguments or files give one clear line on
 * standard error and a non-zero exit status (2 for usage, 1 for failures). {@code --plugins DIR}, anywhere on the
 * line, makes the jars of DIR the context class loader, where every provider registry looks.
 */
public final class Main {

    static final String HELP = """
            Usage: moevoprune <command> [options]

            Commands:
              demo      real transfer learning end to end: pretrained CNN, Fashion-MNIST vs MNIST (demo --help)
              extract   features of images with an ONNX model, written as an .npz archive (extract --help)
              prune     search feature masks of a transfer-learned head, on feature files or on images through an
                        ONNX model (prune --help)
              export    a front member or an ensemble as an ONNX model (or the whole pruned model, image in) or a
                        compact model file (export --help)

            Options:
              -h, --help      this text; after a command, that command's help
              --version       the library version
              --plugins DIR   load the plugins (objectives, heads, ensembles, backbones, image readers) in the jars of
                              DIR; before or after the command

            Exit status: 0 success, 1 failure (unreadable or inconsistent data, output directory in use, not enough
            memory, unwritable output, no usable provider), 2 usage error (unknown command or option, bad value,
            missing file).
            """;

    private static final List<String> COMMANDS = List.of("demo", "extract", "prune", "export");

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /**
     * Runs a command line and returns its exit status (for tests and embedding).
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return 0 on success, 2 for a usage error, 1 for any other failure
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        int plugins = args.indexOf(Plugins.OPTION);
        if (plugins >= 0) {
            if (plugins + 1 >= args.size()) {
                err.println("moevoprune: " + Plugins.OPTION + " needs a value (the folder of plugin jars) (see: "
                        + "moevoprune --help)");
                return 2;
            }
            List<String> rest = new ArrayList<>(args);
            Path folder = Path.of(rest.remove(plugins + 1));
            rest.remove(plugins);
            return withPlugins(folder, rest, out, err);
        }
        return dispatch(args, out, err);
    }

    /** Runs the command line with the plugin jars of {@code folder} as the context class loader. */
    private static int withPlugins(Path folder, List<String> args, PrintStream out, PrintStream err) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = Plugins.loader(folder)) {
            thread.setContextClassLoader(loader);
            return dispatch(args, out, err);
        } catch (UsageException e) {
            err.println("moevoprune: " + e.getMessage() + " (see: moevoprune --help)");
            return 2;
        } catch (IOException e) {
            err.println("moevoprune: " + oneLine(e));
            return 1;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static int dispatch(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.print(HELP);
            return args.isEmpty() ? 2 : 0;
        }
        if (args.get(0).equals("--version")) {
            out.println("moevoprune " + Provenance.libraryVersion());
            return 0;
        }
        List<String> rest = args.subList(1, args.size()).stream().map(w -> w.equals("-h") ? "--help" : w).toList();
        try {
            return switch (args.get(0)) {
                case "prune" -> {
                    hintVectorApi(err);
                    yield new PruneCommand(out, err).run(rest);
                }
                case "demo" -> {
                    hintVectorApi(err);
                    yield new DemoCommand(out, err).run(rest);
                }
                case "extract" -> new ExtractCommand(out, err).run(rest);
                case "export" -> new ExportCommand(out).run(rest);
                default -> throw new UsageException("unknown command '" + args.get(0) + "'");
            };
        } catch (UsageException e) {
            String command = COMMANDS.contains(args.get(0)) ? args.get(0) + " --help" : "--help";
            err.println("moevoprune: " + e.getMessage() + " (see: moevoprune " + command + ")");
            return 2;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException
                | ProviderNotFoundException e) {
            err.println("moevoprune: " + oneLine(e));
            return 1;
        } catch (OutOfMemoryError e) {
            long heap = Runtime.getRuntime().maxMemory();
            err.println("moevoprune: out of memory (heap limit " + MemoryNeed.mib(heap) + "): "
                    + MemoryNeed.howToGive(MemoryNeed.xmx(2 * heap)) + ", and rerun with --resume to keep what was "
                    + "computed");
            return 1;
        }
    }

    private static void hintVectorApi(PrintStream err) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            err.println("moevoprune: tip: 'java --add-modules jdk.incubator.vector -jar ...' trains heads several times faster");
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() != null
                && root.getCause().getMessage() != null && !root.getMessage().contains(root.getCause().getMessage())) {
            root = root.getCause();
        }
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        if (root != e && root.getMessage() != null) {
            message += ": " + root.getMessage();
        }
        return message.replace('\n', ' ');
    }
}
