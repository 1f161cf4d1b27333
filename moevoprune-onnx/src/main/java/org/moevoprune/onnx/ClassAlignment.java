package org.moevoprune.onnx;

import java.util.ArrayList;
import java.util.List;
import org.moevoprune.onnx.images.ImageSet;

/** Relabels an image set read on its own with the class indices of the training set, matching classes by name. */
final class ClassAlignment {

    private ClassAlignment() {
    }

    /**
     * @param train the training set, whose class names and order rule
     * @param other a set read on its own
     * @param split the other set's split, for the message
     * @return {@code other} with {@code train}'s class names, each image labelled by its class name's index there
     * @throws IllegalArgumentException if {@code other} holds images of a class {@code train} lacks
     */
    static ImageSet align(ImageSet train, ImageSet other, String split) {
        if (other.classNames().equals(train.classNames())) {
            return other;
        }
        int[] map = new int[other.classNames().size()];
        for (int c = 0; c < map.length; c++) {
            map[c] = train.classNames().indexOf(other.classNames().get(c));
        }
        int[] labels = new int[other.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            int mapped = map[other.labels().label(i)];
            if (mapped < 0) {
                String name = other.classNames().get(other.labels().label(i));
                if (!missing.contains(name)) {
                    missing.add(name);
                }
            }
            labels[i] = mapped;
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the " + split + " images have the classes " + missing + " that the "
                    + "training images lack (training classes: " + train.classNames() + "): a head cannot predict a "
                    + "class it was not trained on; add training images of those classes or drop them from " + split);
        }
        return ImageSet.of(other.name(), other.images(), labels, train.classNames());
    }
}
