package org.moevoprune.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.moevoprune.api.DataSplit;
import org.moevoprune.core.io.FeatureFileBackbone;

/**
 * The feature files of {@code prune}, checked to be files before anything is read or written.
 *
 * @param trainFile {@code --train}
 * @param trainLabelFile {@code --train-labels}, or {@code null}
 * @param testFile {@code --test}
 * @param testLabelFile {@code --test-labels}, or {@code null}
 * @param oodFile {@code --ood}, or {@code null}
 */
record Inputs(Path trainFile, Path trainLabelFile, Path testFile, Path testLabelFile, Path oodFile) {

    /**
     * @param a the arguments
     * @return the files
     * @throws UsageException if a required file is not given, a path is not a regular file, or an .npy feature
     *         file comes without its label file
     */
    static Inputs of(Arguments a) throws UsageException {
        Path train = file(a, "--train", "the training features");
        Path trainLabels = labels(a, "--train", train);
        Path test = file(a, "--test", "the evaluation features");
        Path testLabels = labels(a, "--test", test);
        Path ood = a.path("--ood");
        if (ood != null) {
            DataChecks.requireFile(ood, "--ood");
        }
        return new Inputs(train, trainLabels, test, testLabels, ood);
    }

    private static Path file(Arguments a, String option, String what) throws UsageException {
        Path file = Path.of(a.required(option, what));
        DataChecks.requireFile(file, option);
        return file;
    }

    private static Path labels(Arguments a, String option, Path features) throws UsageException {
        Path labels = a.path(option + "-labels");
        if (labels != null) {
            DataChecks.requireFile(labels, option + "-labels");
        } else if (features.toString().endsWith(".npy")) {
            throw new UsageException(option + " " + features + " is an .npy feature file: give its labels with "
                    + option + "-labels FILE");
        }
        return labels;
    }

    /** @return the training file */
    Path train() {
        return trainFile;
    }

    /** @return where the training labels come from */
    DataChecks.LabelSource trainLabels() {
        return trainLabelFile != null ? new DataChecks.LabelSource("--train-labels", trainLabelFile, true)
                : new DataChecks.LabelSource("--train", trainFile, false);
    }

    /** @return where the evaluation labels come from */
    DataChecks.LabelSource testLabels() {
        return testLabelFile != null ? new DataChecks.LabelSource("--test-labels", testLabelFile, true)
                : new DataChecks.LabelSource("--test", testFile, false);
    }

    /** @return the total size of the files on disk (0 for a file whose size cannot be read) */
    long bytes() {
        long total = 0;
        for (Path file : files()) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                // the reader will name the problem
            }
        }
        return total;
    }

    /**
     * Sets the splits of a backbone builder from these files.
     *
     * @param data the builder
     * @param oodWithoutLabels whether the OoD CSV file has no label column
     */
    void addTo(FeatureFileBackbone.Builder data, boolean oodWithoutLabels) {
        add(data, DataSplit.TRAIN, trainFile, trainLabelFile);
        add(data, DataSplit.TEST, testFile, testLabelFile);
        if (oodFile != null) {
            if (oodWithoutLabels) {
                data.unlabelledSplit(DataSplit.OOD, oodFile);
            } else {
                data.split(DataSplit.OOD, oodFile);
            }
        }
    }

    private static void add(FeatureFileBackbone.Builder data, DataSplit split, Path file, Path labels) {
        if (labels != null) {
            data.split(split, file, labels);
        } else {
            data.split(split, file);
        }
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Path file : new Path[] {trainFile, trainLabelFile, testFile, testLabelFile, oodFile}) {
            if (file != null) {
                files.add(file);
            }
        }
        return files;
    }
}
