package org.moevoprune.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import org.moevoprune.core.search.SearchListener;
import org.moevoprune.core.search.SearchProgress;

/**
 * A progress bar on standard error: redrawn in place on a terminal, one line per tenth of the budget otherwise
 * (logs, CI).
 */
final class ConsoleProgress implements SearchListener {

    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final int runs;
    private int lastTenth = -1;

    ConsoleProgress(PrintStream out, boolean terminal, int runs) {
        this.out = out;
        this.terminal = terminal;
        this.runs = runs;
    }

    @Override
    public void progressed(SearchProgress p) {
        int tenth = (int) (p.fraction() * 10);
        if (!terminal && tenth == lastTenth && p.fraction() < 1) {
            return;
        }
        lastTenth = tenth;
        int filled = (int) Math.round(p.fraction() * WIDTH);
        StringBuilder line = new StringBuilder();
        if (runs > 1) {
            line.append("run ").append(p.run() + 1).append('/').append(runs).append(' ');
        }
        line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                .append(p.evaluations()).append('/').append(p.budget()).append(" evals  front ")
                .append(p.frontSize()).append("  HV ").append(String.format("%.4f", p.hypervolume()));
        for (Map.Entry<String, Double> best : p.best().entrySet()) {
            line.append("  ").append(best.getKey()).append(' ').append(String.format("%.4f", best.getValue()));
        }
        line.append("  ").append(format(p.elapsed())).append(" elapsed, eta ").append(format(p.remaining()));
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            if (p.fraction() >= 1) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
