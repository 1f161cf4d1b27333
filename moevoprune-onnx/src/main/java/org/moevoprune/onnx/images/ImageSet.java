package org.moevoprune.onnx.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.moevoprune.api.ClassLabels;

/**
 * Labelled images of one data split, with the names of the classes. Immutable and thread-safe.
 */
public final class ImageSet {

    private final String name;
    private final List<RasterImage> images;
    private final ClassLabels labels;
    private final List<String> classNames;

    private ImageSet(String name, List<RasterImage> images, ClassLabels labels, List<String> classNames) {
        this.name = name;
        this.images = images;
        this.labels = labels;
        this.classNames = classNames;
    }

    /**
     * @param name a short description, e.g. {@code "fashion-mnist/train"}; used in messages and cache keys
     * @param images the images
     * @param labels one class index per image, each in {@code [0, classNames.size())}
     * @param classNames the class names, index = class
     * @return the set
     * @throws IllegalArgumentException if the counts disagree or a label is out of range
     */
    public static ImageSet of(String name, List<RasterImage> images, int[] labels, List<String> classNames) {
        Objects.requireNonNull(name, "name");
        List<RasterImage> copy = List.copyOf(images);
        List<String> names = List.copyOf(classNames);
        if (copy.size() != labels.length) {
            throw new IllegalArgumentException("image set '" + name + "' has " + copy.size() + " images but "
                    + labels.length + " labels: give one label per image");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("image set '" + name + "' needs at least one class name");
        }
        return new ImageSet(name, copy, ClassLabels.of(names.size(), labels), names);
    }

    /** @return the set's description */
    public String name() {
        return name;
    }

    /** @return the number of images */
    public int size() {
        return images.size();
    }

    /** @return the images, in order */
    public List<RasterImage> images() {
        return images;
    }

    /**
     * @param index an image index
     * @return that image
     */
    public RasterImage image(int index) {
        return images.get(index);
    }

    /** @return the labels with the class count */
    public ClassLabels labels() {
        return labels;
    }

    /** @return the class names, index = class */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * @param name the new set's description
     * @param indices the images to keep, in order (repeats allowed)
     * @return those images with their labels and the same classes
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public ImageSet select(String name, int... indices) {
        List<RasterImage> chosen = new ArrayList<>(indices.length);
        for (int i : indices) {
            chosen.add(images.get(i));
        }
        return new ImageSet(name, List.copyOf(chosen), labels.selectRows(indices), classNames);
    }

    @Override
    public String toString() {
        return "ImageSet[" + name + ": " + images.size() + " images, " + classNames.size() + " classes]";
    }
}
