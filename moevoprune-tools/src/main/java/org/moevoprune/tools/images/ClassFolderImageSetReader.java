package org.moevoprune.tools.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.ImageSetReader;

/**
 * The {@link ImageSetReader} of the folder-per-class layout {@code root/<class>/<image files>}, id {@value #ID}
 * (see {@link ImageDatasets#classFolders}). Accepts any folder. Stateless and thread-safe; found by
 * {@link java.util.ServiceLoader}.
 */
public final class ClassFolderImageSetReader implements ImageSetReader {

    /** The provider id. */
    public static final String ID = "class-folders";

    /** Creates the reader; it has no settings. */
    public ClassFolderImageSetReader() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Path path) {
        return path != null && Files.isDirectory(path);
    }

    /**
     * @throws IllegalArgumentException if {@code labels} is given: class folders are their own labels
     */
    @Override
    public ImageSet read(Path path, Path labels, String name) throws IOException {
        Objects.requireNonNull(path, "path");
        if (labels != null) {
            throw new IllegalArgumentException("the class folders in " + path + " are their own labels: give no "
                    + "labels file (" + labels + ") with them");
        }
        return ImageDatasets.classFolders(path, Objects.requireNonNull(name, "name"));
    }

    @Override
    public String toString() {
        return "ClassFolderImageSetReader";
    }
}
