package org.moevoprune.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.Objective;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.io.FeatureFileBackbone;
import org.moevoprune.core.objective.EvaluationContexts;
import org.moevoprune.core.objective.Objectives;

/**
 * The README's short program: train the head of one mask on precomputed features and print its three objective
 * values. Run it with {@code java -cp moevoprune-examples/target/moevoprune.jar
 * org.moevoprune.examples.SingleMaskExample train.csv test.csv ood.csv}.
 */
public final class SingleMaskExample {

    private SingleMaskExample() {
    }

    /**
     * @param args the training, evaluation and OoD feature files (CSV {@code label,f1,…,fF} or {@code .npy})
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Backbone features = FeatureFileBackbone.builder()
                .split(DataSplit.TRAIN, Path.of(args[0]))
                .split(DataSplit.TEST, Path.of(args[1]))
                .split(DataSplit.OOD, Path.of(args[2]))
                .build();
        SparseHead head = ProviderRegistry.load(SparseHead.class).select();   // auto: java or nd4j per size
        LabelledFeatures train = features.labelled(DataSplit.TRAIN);
        FeatureMask mask = FeatureMask.ofIndices(train.featureCount(), 0, 1, 2, 3);  // keep features 0–3
        TrainedHead trained = head.train(train, mask, TrainingSettings.reference(), 42L);
        EvaluationContext context = EvaluationContexts.of(trained, features.labelled(DataSplit.TEST),
                features.features(DataSplit.OOD));
        for (Objective objective : Objectives.defaults()) {                    // accuracy, active-fraction, auroc
            System.out.println(objective.id() + " = " + objective.evaluate(context));
        }
    }
}
