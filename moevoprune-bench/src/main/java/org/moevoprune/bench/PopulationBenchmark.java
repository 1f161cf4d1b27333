package org.moevoprune.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.PopulationHead.Member;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainingSettings;

/**
 * Population training throughput, a plain main (not JMH: one GPU run of minutes is the point, and
 * {@code scripts/gpu-verify.sh} runs it with the {@code cublas} head from a bundle that holds this class,
 * {@code BenchData} and the api alone, so keep both free of other dependencies): trains {@code population}
 * candidates of the reference initialisation (density p ~ U(0,1) per candidate) for a fixed number of epochs, early
 * stopping off, in two ways:
 * <ul>
 *   <li>{@code population:<id>}: one {@link PopulationHead#trainAll} call (dense-masked over F, batched
 *       products);</li>
 *   <li>{@code each:<id>}: one {@link SparseHead#train} call per candidate, one after the other (compacted to each
 *       candidate's k active features).</li>
 * </ul>
 * It prints seconds, evaluations per second and candidate-epochs per second, and projects the reference protocol
 * (docs/METHOD.md §4: 10 runs × (30 initial + 85 steps × 2 offspring), each evaluation training up to
 * {@code protocolEpochs} epochs) from the population's rate at 30 and at 2 members.
 *
 * <p>Arguments {@code key=value}: {@code population} (30), {@code features} (2048), {@code rows} (7700),
 * {@code classes} (5), {@code hidden} (512), {@code batch} (32), {@code epochs} (10), {@code protocolEpochs} (600,
 * the epoch cap: an upper bound, early stopping ends most trainings sooner), {@code modes}
 * ({@code population:batched,each:nd4j}; {@code population:cublas,each:cublas} on a GPU).
 */
public final class PopulationBenchmark {

    private PopulationBenchmark() {
    }

    /**
     * @param args {@code key=value} settings, see the class documentation
     */
    public static void main(String[] args) {
        Map<String, String> o = new LinkedHashMap<>(Map.of("population", "30", "features", "2048", "rows", "7700",
                "classes", "5", "hidden", "512", "batch", "32", "epochs", "10", "protocolEpochs", "600",
                "modes", "population:batched,each:nd4j"));
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1 || !o.containsKey(a.substring(0, eq))) {
                throw new IllegalArgumentException("unknown argument '" + a + "': use key=value with a key of "
                        + o.keySet());
            }
            o.put(a.substring(0, eq), a.substring(eq + 1));
        }
        int p = Integer.parseInt(o.get("population"));
        int f = Integer.parseInt(o.get("features"));
        int epochs = Integer.parseInt(o.get("epochs"));
        LabelledFeatures train = BenchData.labelled(Integer.parseInt(o.get("rows")), f,
                Integer.parseInt(o.get("classes")), 3);
        TrainingSettings settings = TrainingSettings.builder().hiddenUnits(Integer.parseInt(o.get("hidden")))
                .batchSize(Integer.parseInt(o.get("batch"))).maxEpochs(epochs).earlyStopping(false).build();
        List<Member> members = members(p, f);
        System.out.printf(Locale.ROOT, "population %d, F %d, N %d, C %s, H %s, batch %s, %d epochs, mean density "
                + "%.3f%n", p, f, train.size(), o.get("classes"), o.get("hidden"), o.get("batch"), epochs,
                members.stream().mapToDouble(m -> m.mask().activeCount() / (double) f).average().orElse(0));
        for (String mode : o.get("modes").split(",")) {
            String[] parts = mode.split(":");
            SparseHead head = BenchData.provider(parts[1]);
            double seconds = time(parts[0], head, train, members, settings);
            report(mode, seconds, p, epochs);
            if (parts[0].equals("population")) {
                double two = time(parts[0], head, train, members.subList(0, 2), settings);
                report(mode + " (2 members)", two, 2, epochs);
                double scale = Double.parseDouble(o.get("protocolEpochs")) / epochs;
                double perRun = (seconds * 30.0 / p + 85 * two) * scale;
                System.out.printf(Locale.ROOT, "  projected reference protocol (10 runs x (30 + 85 x 2) "
                        + "evaluations, %s epochs each, runs one after the other): %.1f min%n",
                        o.get("protocolEpochs"), 10 * perRun / 60);
            }
        }
    }

    private static double time(String kind, SparseHead head, LabelledFeatures train, List<Member> members,
            TrainingSettings settings) {
        long t0 = System.nanoTime();
        if (kind.equals("population")) {
            if (!(head instanceof PopulationHead population)) {
                throw new IllegalArgumentException("'" + head.id() + "' is not a population head: use each:"
                        + head.id());
            }
            population.trainAll(train, members, settings);
        } else if (kind.equals("each")) {
            for (Member m : members) {
                head.train(train, m.mask(), settings, m.seed());
            }
        } else {
            throw new IllegalArgumentException("unknown mode '" + kind + "': population or each");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void report(String mode, double seconds, int candidates, int epochs) {
        System.out.printf(Locale.ROOT, "%-28s %8.2f s  %8.3f evaluations/s  %8.1f candidate-epochs/s%n", mode,
                seconds, candidates / seconds, candidates * (double) epochs / seconds);
    }

    /** The reference initialisation: density p ~ U(0,1), then round(p·F) random features. */
    private static List<Member> members(int count, int features) {
        SplittableRandom random = new SplittableRandom(11);
        List<Member> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int k = (int) Math.round(random.nextDouble() * features);
            int[] all = new int[features];
            for (int j = 0; j < features; j++) {
                all[j] = j;
            }
            for (int j = 0; j < k; j++) {
                int swap = j + random.nextInt(features - j);
                int t = all[j];
                all[j] = all[swap];
                all[swap] = t;
            }
            out.add(new Member(FeatureMask.ofIndices(features, java.util.Arrays.copyOf(all, k)), 1000L + i));
        }
        return out;
    }
}
