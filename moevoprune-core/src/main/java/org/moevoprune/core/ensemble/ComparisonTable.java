package org.moevoprune.core.ensemble;

import java.util.List;
import java.util.Locale;
import org.moevoprune.core.ensemble.EnsembleComparison.Row;

/**
 * The fixed-width text form of an {@link EnsembleComparison} ({@link EnsembleComparison#toTable()}): a title line, a
 * header, one line per row, then, with an unpruned head, its line and how the whole-front and the most accurate
 * ensemble compare with it. Missing values print as {@code –}. Stateless.
 */
final class ComparisonTable {

    private static final String ROW = "%-9s %-7s %7d %8s %9s %10s %6s %8s %10s %9s %s%n";

    private ComparisonTable() {
    }

    /**
     * @param c a comparison
     * @return its table
     */
    static String of(EnsembleComparison c) {
        StringBuilder s = new StringBuilder(title(c));
        s.append(String.format(Locale.ROOT, "%-9s %-7s %7s %8s %9s %10s %6s %8s %10s %9s %s%n", "selection",
                "window", "members", "ens acc", "ens AUROC", "vote AUROC", "best k", "best acc", "best AUROC", "gain",
                "gain in"));
        List<Row> rows = c.rows();
        for (Row r : rows) {
            String bestK = r.bestMember() < 0 ? "–"
                    : String.valueOf(c.pool().get(r.bestMember()).mask().activeCount());
            s.append(String.format(Locale.ROOT, ROW, r.selection().label(), r.window(), r.members().size(),
                    fixed(r.ensembleAccuracy()), fixed(r.ensembleAuroc()), fixed(r.voteAuroc()), bestK,
                    fixed(r.bestAccuracy()), fixed(r.bestAuroc()), signed(r.gain()), r.gainMetric()));
        }
        c.unpruned().ifPresent(unpruned -> {
            s.append(String.format(Locale.ROOT, "%-9s %-7s %7d %8s %9s %10s %6s %8s %10s %9s%n", "unpruned",
                    "head", 1, fixed(unpruned.accuracy()), fixed(unpruned.auroc()), "–",
                    String.valueOf(unpruned.featureCount()), "–", "–", "–"));
            c.againstUnpruned(rows.get(0)).ifPresent(t -> s.append("whole-front ensemble: ").append(t).append('\n'));
            c.mostAccurate().filter(r -> r != rows.get(0)).ifPresent(r -> s.append("most accurate ensemble (")
                    .append(r.selection().label()).append(' ').append(r.window()).append("): ")
                    .append(c.againstUnpruned(r).orElseThrow()).append('\n'));
        });
        return s.toString();
    }

    private static String title(EnsembleComparison c) {
        double t = c.temperature();
        return String.format(Locale.ROOT, "Ensembles of %d front members (%s vote) scored on the %s%s%n",
                c.pool().size(), c.rule().id(), c.scoredOn(), c.hasOod() ? "; AUROC of ODIN scores, T = "
                        + (t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t)) : "");
    }

    /** @return the value with four decimals, or {@code –} for {@code NaN} */
    static String fixed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** @return the value signed with four decimals, or {@code –} for {@code NaN} */
    static String signed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.4f", v);
    }
}
