package org.moevoprune.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.moevoprune.api.DataSplit;
import org.moevoprune.core.io.FeatureFileBackbone;
import org.moevoprune.core.search.SearchData;

/**
 * The broadcast value when executors read {@link SharedFeatureFiles}: only the file names and the driver's data
 * fingerprint travel; the first task in each executor JVM reads the files, checks the fingerprint, and the data stay
 * with this (per-JVM) broadcast value for the rest of the run.
 */
final class FileData extends ExecutorData {

    private static final long serialVersionUID = 1L;

    private final EnumMap<DataSplit, SharedFeatureFiles.FileSplit> splits;
    private final int classCount;
    private final long fingerprint;
    private transient volatile SearchData data;

    /**
     * @param files the files
     * @param fingerprint {@link SearchData#fingerprint()} of the driver's data
     */
    FileData(SharedFeatureFiles files, long fingerprint) {
        this.splits = new EnumMap<>(files.splits());
        this.classCount = files.classCount();
        this.fingerprint = fingerprint;
    }

    @Override
    public SearchData data() {
        SearchData d = data;
        if (d == null) {
            synchronized (this) {
                d = data;
                if (d == null) {
                    d = open();
                    data = d;
                }
            }
        }
        return d;
    }

    @Override
    public String describe() {
        return "shared files " + splits.values().stream().map(SharedFeatureFiles.FileSplit::features).toList();
    }

    private SearchData open() {
        Map<String, Path> resolved = new HashMap<>();
        for (SharedFeatureFiles.FileSplit files : splits.values()) {
            resolve(files.features(), resolved);
            if (files.labels() != null) {
                resolve(files.labels(), resolved);
            }
        }
        FeatureFileBackbone backbone = rebuild(resolved);
        SearchData read;
        try {
            read = new SearchData(backbone.labelled(DataSplit.TRAIN), backbone.labelled(DataSplit.TEST),
                    backbone.splits().contains(DataSplit.OOD) ? backbone.features(DataSplit.OOD) : null);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ExecutorDataException(where() + " cannot read the feature files " + describe() + ": "
                    + e.getMessage(), e);
        }
        long got = read.fingerprint();
        if (got != fingerprint) {
            throw new ExecutorDataException(String.format(java.util.Locale.ROOT,
                    "%s read other features than the driver from %s (fingerprint %016x, driver %016x): the files "
                            + "differ between machines; copy the driver's files to every executor", where(),
                    describe(), got, fingerprint), null);
        }
        return read;
    }

    private FeatureFileBackbone rebuild(Map<String, Path> resolved) {
        try {
            return SharedFeatureFiles.of(splits, classCount).backbone(resolved);
        } catch (IllegalArgumentException e) {
            throw new ExecutorDataException(where() + " cannot open the feature files " + describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The path itself if it exists here, else a file of that name shipped with {@code --files}. */
    private void resolve(String file, Map<String, Path> resolved) {
        Path path = Path.of(file);
        if (Files.isRegularFile(path)) {
            return;
        }
        Path shipped = shipped(path.getFileName().toString());
        if (shipped == null) {
            throw new ExecutorDataException(where() + " cannot find the feature file " + file + " (nor a file "
                    + "of that name shipped with spark-submit --files): put the feature files where every executor "
                    + "reads them at the same path, ship them with --files, or use broadcast features", null);
        }
        resolved.put(file, shipped);
    }

    private static Path shipped(String name) {
        if (SparkEnv.get() == null) {
            return null;
        }
        Path p = Path.of(SparkFiles.get(name));
        return Files.isRegularFile(p) ? p : null;
    }

    private static String where() {
        SparkEnv env = SparkEnv.get();
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return "executor " + (env == null ? "?" : env.executorId()) + " on " + host;
    }
}
