package org.moevoprune.api;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Opens a {@link Backbone} from a few textual options: how the command line and configuration files name a feature
 * source. First-party ids: {@code features} (feature files: CSV, {@code .npy}, {@code .npz}; in
 * {@code moevoprune-core}) and {@code onnx} (any ONNX image model over image folders; in {@code moevoprune-onnx}).
 * Discovered by {@link ProviderRegistry} like the other contracts; declare a provider of your own in
 * {@code META-INF/services/org.moevoprune.api.BackboneProvider} and/or with {@code provides … with …}.
 *
 * <p>Callers: the command line ({@code moevoprune prune --backbone ID --backbone-option NAME=VALUE}, and its
 * shortcuts) and applications that configure by text. {@link BackboneOptions} parses and checks the options for an
 * implementation.
 *
 * <p>Implementations are stateless and thread-safe. {@link #open} may read files and allocate; it should leave the
 * expensive work (reading features, running a network) to the backbone's first request, so that a feature cache in
 * front of it can skip that work.
 */
public interface BackboneProvider extends Provider {

    /**
     * The options {@link #open} understands.
     *
     * @return option name → a one-line description (required options say so), in the order a help text lists them;
     *     names are lower-case words joined by {@code '-'}
     */
    Map<String, String> options();

    /**
     * Opens the backbone.
     *
     * @param options option values by name; every name is one of {@link #options()}
     * @param progress hears the progress of long feature computations (called from the computing thread, one call at
     *     a time per split); possibly never called
     * @return the backbone, serving at least {@link DataSplit#TRAIN}; if it implements {@link AutoCloseable} (native
     *     resources) the caller closes it when done
     * @throws IllegalArgumentException if an option is unknown, missing or malformed; the message names the option
     *     and says how to fix it
     * @throws IOException if a file the options name cannot be read
     */
    Backbone open(Map<String, String> options, Consumer<BackboneProgress> progress) throws IOException;

    /**
     * Opens the backbone without progress reports.
     *
     * @param options option values by name; every name is one of {@link #options()}
     * @return the backbone, as {@link #open(Map, Consumer)}
     * @throws IllegalArgumentException if an option is unknown, missing or malformed
     * @throws IOException if a file the options name cannot be read
     */
    default Backbone open(Map<String, String> options) throws IOException {
        return open(options, progress -> { });
    }
}
