package org.moevoprune.core.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.BackboneOptions;
import org.moevoprune.api.BackboneProgress;
import org.moevoprune.api.BackboneProvider;
import org.moevoprune.api.DataSplit;

/**
 * The {@link BackboneProvider} of feature files, id {@value #ID}: opens a {@link FeatureFileBackbone} over CSV,
 * {@code .npy} and {@code .npz} files named by the options below (see {@link FeatureFiles} for the formats).
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><td>{@code train}</td><td>training split (required): {@code .csv}, {@code .npz}, or {@code .npy} with
 *       {@code train-labels}</td></tr>
 *   <tr><td>{@code train-labels}</td><td>1-D {@code .npy} labels of an {@code .npy} training file</td></tr>
 *   <tr><td>{@code train-keys}</td><td>{@code FEATURES,LABELS}: the array keys of an {@code .npz} training
 *       file</td></tr>
 *   <tr><td>{@code test}, {@code test-labels}, {@code test-keys}</td><td>the evaluation split, alike</td></tr>
 *   <tr><td>{@code ood}, {@code ood-key}</td><td>out-of-distribution samples (labels ignored); the feature key of
 *       an {@code .npz} file</td></tr>
 *   <tr><td>{@code ood-no-labels}</td><td>{@code true} if the OoD CSV file has no label column</td></tr>
 *   <tr><td>{@code classes}</td><td>class count (default: largest label + 1)</td></tr>
 *   <tr><td>{@code id}</td><td>the backbone's name (default: the training file's name)</td></tr>
 * </table>
 *
 * <p>Nothing is read when the backbone is opened (files are read on first use); it never reports progress. Stateless
 * and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class FeatureFileBackboneProvider implements BackboneProvider {

    /** The provider id. */
    public static final String ID = "features";

    private static final Map<String, String> OPTIONS;

    static {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("train", "training split (required): .csv 'label,f1,...', .npz, or .npy with train-labels");
        o.put("train-labels", "1-D .npy labels of an .npy training file");
        o.put("train-keys", "FEATURES,LABELS: array keys of an .npz training file (default features,labels; x,y; "
                + "arr_0,arr_1)");
        o.put("test", "evaluation split, same formats");
        o.put("test-labels", "1-D .npy labels of an .npy evaluation file");
        o.put("test-keys", "FEATURES,LABELS: array keys of an .npz evaluation file");
        o.put("ood", "out-of-distribution samples, same formats; labels are ignored");
        o.put("ood-key", "the feature array key of an .npz OoD file");
        o.put("ood-no-labels", "true if the OoD CSV file has no label column");
        o.put("classes", "class count (default: largest label + 1)");
        o.put("id", "the backbone's name (default: the training file's name)");
        OPTIONS = Collections.unmodifiableMap(o);
    }

    /** Creates the provider; it has no settings. */
    public FeatureFileBackboneProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> options() {
        return OPTIONS;
    }

    /**
     * {@inheritDoc}
     *
     * @return a {@link FeatureFileBackbone}; nothing is read yet
     * @throws IllegalArgumentException if an option is unknown or malformed, {@code train} is missing, a file does not
     *     exist, or an {@code .npy} split has no labels file
     */
    @Override
    public FeatureFileBackbone open(Map<String, String> options, Consumer<BackboneProgress> progress) {
        BackboneOptions o = BackboneOptions.of(this, options);
        FeatureFileBackbone.Builder b = FeatureFileBackbone.builder();
        labelledSplit(o, b, DataSplit.TRAIN, "train", true);
        labelledSplit(o, b, DataSplit.TEST, "test", false);
        o.path("ood").ifPresent(file -> {
            if (o.has("ood-key")) {
                b.npzSplit(DataSplit.OOD, file, o.string("ood-key").orElseThrow(), null);
            } else if (o.flag("ood-no-labels", false)) {
                b.unlabelledSplit(DataSplit.OOD, file);
            } else {
                b.split(DataSplit.OOD, file);
            }
        });
        if (o.has("classes")) {
            b.classCount(o.integer("classes", 0, 1, Integer.MAX_VALUE));
        }
        o.string("id").ifPresent(b::id);
        return b.build();
    }

    private static void labelledSplit(BackboneOptions o, FeatureFileBackbone.Builder b, DataSplit split,
            String name, boolean required) {
        if (!required && !o.has(name)) {
            return;
        }
        Path file = required ? o.requiredPath(name, "the training features") : o.path(name).orElseThrow();
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (o.has(name + "-keys")) {
            String value = o.string(name + "-keys").orElseThrow();
            String[] keys = value.split(",");
            if (keys.length != 2 || keys[0].isBlank() || keys[1].isBlank()) {
                throw o.bad(name + "-keys", value, "two array keys FEATURES,LABELS, e.g. x_train,y_train");
            }
            b.npzSplit(split, file, keys[0].trim(), keys[1].trim());
        } else if (o.has(name + "-labels")) {
            b.split(split, file, o.path(name + "-labels").orElseThrow());
        } else if (lower.endsWith(".npy")) {
            throw new IllegalArgumentException("backbone '" + ID + "': " + name + " " + file + " is an .npy feature "
                    + "file: give its labels with the option " + name + "-labels, or save both in one .npz file");
        } else {
            b.split(split, file);
        }
    }

    @Override
    public String toString() {
        return "FeatureFileBackboneProvider";
    }
}
