package org.moevoprune.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.moevoprune.api.ProviderNotFoundException;
import org.moevoprune.core.result.Provenance;

/**
 * The {@code moevoprune} command line: {@code java -jar moevoprune.jar <command> [options]}. Bad arguments or
 * files give one clear line on standard error and a non-zero exit status (2 for usage, 1 for failures).
 */
public final class Main {

    static final String HELP = """
            Usage: moevoprune <command> [options]

            Commands:
              demo      real transfer learning end to end: pretrained CNN, Fashion-MNIST vs MNIST (demo --help)
              prune     search feature masks of a transfer-learned head on feature files (prune --help)

            Options:
              --help    this text
              --version the library version

            Exit status: 0 done, 1 failure (unreadable or inconsistent data, output directory in use, not enough
            memory, unwritable output), 2 usage error (unknown command or option, bad value, missing file).
            """;

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
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.print(HELP);
            return args.isEmpty() ? 2 : 0;
        }
        if (args.get(0).equals("--version")) {
            out.println("moevoprune " + Provenance.libraryVersion());
            return 0;
        }
        List<String> rest = args.subList(1, args.size());
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
                default -> throw new UsageException("unknown command '" + args.get(0) + "'");
            };
        } catch (UsageException e) {
            String command = args.get(0).equals("prune") || args.get(0).equals("demo") ? args.get(0) + " --help"
                    : "--help";
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
