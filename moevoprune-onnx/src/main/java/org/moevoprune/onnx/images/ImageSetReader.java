package org.moevoprune.onnx.images;

import java.io.IOException;
import java.nio.file.Path;
import org.moevoprune.api.Provider;

/**
 * Reads a labelled {@link ImageSet} from a path in one data-set layout: a folder per class, an IDX file, and so on.
 * Discovered through {@link org.moevoprune.api.ProviderRegistry} by the {@code onnx} backbone provider, which asks
 * each available reader, best first, whether it {@link #accepts} a path; {@code moevoprune-tools} provides the
 * readers of class folders ({@code class-folders}) and IDX files ({@code idx}).
 *
 * <p>Implementations are stateless and thread-safe; {@link #read} reads the whole set into memory.
 */
public interface ImageSetReader extends Provider {

    /**
     * Whether this reader recognises the layout at {@code path}. Cheap: a look at the path's kind, name or first
     * bytes; must not throw.
     *
     * @param path a folder or file
     * @return true if {@link #read} should be able to read it
     */
    boolean accepts(Path path);

    /**
     * @param path a folder or file this reader {@link #accepts}
     * @param labels a file of labels, for layouts that keep them apart from the images (IDX); null to find them by
     *     the layout's convention
     * @param name the set's description, e.g. {@code "train"}
     * @return the images with their labels and class names
     * @throws IOException naming the file if the set cannot be read or is malformed
     * @throws IllegalArgumentException if {@code labels} is given to a layout that has no use for it
     */
    ImageSet read(Path path, Path labels, String name) throws IOException;
}
