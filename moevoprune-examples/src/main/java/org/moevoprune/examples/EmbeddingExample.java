package org.moevoprune.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.io.FeatureFileBackbone;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.search.Pruner;

/**
 * The README's embedding example: prune the features of a head from feature files extracted elsewhere.
 * Run it with {@code java -cp moevoprune-examples/target/moevoprune.jar org.moevoprune.examples.EmbeddingExample
 * train.csv test.csv ood.csv}.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * @param args the training, evaluation and OoD feature files (CSV {@code label,f1,…,fF})
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Backbone features = FeatureFileBackbone.builder()
                .split(DataSplit.TRAIN, Path.of(args[0]))
                .split(DataSplit.TEST, Path.of(args[1]))
                .split(DataSplit.OOD, Path.of(args[2]))
                .build();
        PruningResult result = Pruner.builder()
                .backbone(features)
                .objectives(Objectives.byIds("accuracy", "active-fraction", "auroc"))
                .training(TrainingSettings.builder().maxEpochs(50).build())
                .populationSize(20).evaluations(100).seed(7).threads(2)
                .listener(new org.moevoprune.core.search.SearchListener() { })
                .build()
                .run();
        for (Evaluation member : result.front().members()) {
            System.out.printf("accuracy %.3f  active %.3f  auroc %.3f%n", member.value("accuracy"),
                    member.value("active-fraction"), member.value("auroc"));
        }
        System.out.printf("hypervolume %.4f%n", result.front().hypervolume());
    }
}
