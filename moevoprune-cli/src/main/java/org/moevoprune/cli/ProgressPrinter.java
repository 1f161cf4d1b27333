package org.moevoprune.cli;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.moevoprune.api.BackboneProgress;

/**
 * Feature-extraction progress on standard error: redrawn in place when {@code redraw} (a terminal, or
 * {@code --progress}), otherwise one line per tenth of each task (logs, CI). Called from one extracting thread at a
 * time.
 */
final class ProgressPrinter implements Consumer<BackboneProgress> {

    private final PrintStream err;
    private final boolean redraw;
    private String lastTask;
    private int lastTenth = -1;

    ProgressPrinter(PrintStream err, boolean redraw) {
        this.err = err;
        this.redraw = redraw;
    }

    /**
     * @param progress a flag {@code --progress} was given
     * @return whether to redraw progress in place: with {@code --progress}, or when the JVM has a console (standard
     *     input and output are a terminal; Java 17 cannot ask about standard error alone, hence the flag)
     */
    static boolean redraw(boolean progress) {
        return progress || System.console() != null;
    }

    @Override
    public synchronized void accept(BackboneProgress p) {
        int tenth = (int) (p.fraction() * 10);
        if (!p.task().equals(lastTask)) {
            lastTask = p.task();
            lastTenth = -1;
        }
        boolean done = p.done() == p.total();
        if (redraw) {
            err.print("\rfeatures " + p + "\u001b[K");
            if (done) {
                err.println();
            }
        } else if (tenth != lastTenth || done) {
            err.println("features " + p);
        }
        lastTenth = tenth;
        err.flush();
    }
}
