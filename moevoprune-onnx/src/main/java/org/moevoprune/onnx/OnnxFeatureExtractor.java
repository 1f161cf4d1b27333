package org.moevoprune.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.onnx.images.RasterImage;

/**
 * Runs an ONNX image model with ONNX Runtime and returns the pooled features of images: each image is preprocessed
 * ({@link Preprocessing}), batched, and the model's feature output ({@code [N, F]}, or {@code [N, F, 1, 1]}) is
 * collected into a {@link FeatureMatrix}. Works with models that declare their layout and feature output in the
 * metadata ({@link ModelConventions}; the converter {@code KerasToOnnx} of {@code moevoprune-tools} makes such models)
 * and with any other single-image-input classification model once its feature output is named.
 *
 * <p>Parallelism: one ONNX Runtime session; {@link Builder#parallelRuns} batches run at the same time (ONNX Runtime
 * sessions accept concurrent runs), each using {@link Builder#threadsPerRun} intra-operator threads.
 *
 * <p>Thread-safe. Holds native memory: close it (try-with-resources) when done; a closed extractor throws
 * {@link IllegalStateException}.
 */
public final class OnnxFeatureExtractor implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelSignature signature;
    private final Preprocessing preprocessing;
    private final int batchSize;
    private final int parallelRuns;
    private final String modelSha256;
    private final int featureDimension;
    /** Runs hold the read lock, {@link #close()} the write lock: the session is never freed under a run. */
    private final java.util.concurrent.locks.ReadWriteLock lifecycle =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private volatile boolean closed;

    private OnnxFeatureExtractor(Builder b, byte[] model) throws IOException {
        this.env = OrtEnvironment.getEnvironment();
        this.modelSha256 = Hashes.sha256(model);
        this.batchSize = b.batchSize;
        this.parallelRuns = b.parallelRuns;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(b.threadsPerRun);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(model, options);
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime cannot load the model " + b.source + ": " + e.getMessage(), e);
        }
        try {
            this.signature = ModelSignature.of(session, b.inputName, b.featureOutput, b.channelsLast);
            this.preprocessing = choosePreprocessing(b.preprocessing, signature);
            this.featureDimension = signature.declaredFeatures > 0 ? signature.declaredFeatures : probe();
        } catch (OrtException e) {
            closeQuietly();
            throw new IOException("cannot inspect the model " + b.source + ": " + e.getMessage(), e);
        } catch (RuntimeException | IOException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * @param model an {@code .onnx} file
     * @return a builder for an extractor of that model
     */
    public static Builder builder(Path model) {
        return new Builder(Objects.requireNonNull(model, "model"), null);
    }

    /**
     * @param model the serialized ONNX model (copied)
     * @return a builder for an extractor of that model
     */
    public static Builder builder(byte[] model) {
        return new Builder(null, Objects.requireNonNull(model, "model").clone());
    }

    private static Preprocessing choosePreprocessing(Preprocessing chosen, ModelSignature sig) {
        if (chosen == null) {
            return Preprocessing.scaled(sig.fixedSize > 0 ? sig.fixedSize : 224);
        }
        if (sig.fixedSize > 0 && chosen.size() != sig.fixedSize) {
            throw new IllegalArgumentException("the model's input '" + sig.input + "' has the fixed size "
                    + sig.fixedSize + " but the preprocessing resizes to " + chosen.size() + ": use size "
                    + sig.fixedSize + " or a model with a variable input size");
        }
        return chosen;
    }

    private int probe() throws OrtException, IOException {
        RasterImage black = RasterImage.of(1, 1, signature.channels, new byte[signature.channels]);
        OutputTensor out = run(List.of(black), List.of(signature.featureOutput)).get(signature.featureOutput);
        return out.values().length;
    }

    /** @return the number of features per image, F */
    public int featureDimension() {
        return featureDimension;
    }

    /** @return the preprocessing applied to every image */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** @return the name of the pooled-feature output */
    public String featureOutput() {
        return signature.featureOutput;
    }

    /** @return the name of the image input */
    public String inputName() {
        return signature.input;
    }

    /** @return true if the input is {@code [N, H, W, C]} (NHWC), false for {@code [N, C, H, W]} (NCHW) */
    public boolean channelsLast() {
        return signature.channelsLast;
    }

    /** @return the input's channels: 1 (gray) or 3 (RGB) */
    public int inputChannels() {
        return signature.channels;
    }

    /** @return the names of all the model's outputs */
    public Set<String> outputNames() {
        return signature.outputs;
    }

    /** @return the hex SHA-256 of the model's bytes, which identifies it in backbone fingerprints */
    public String modelSha256() {
        return modelSha256;
    }

    /** @return the largest number of images per model run */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The features of {@code images}, one row each, in order.
     *
     * @param images the images, any sizes, gray or RGB
     * @return an {@code images.size() × featureDimension()} matrix
     * @throws IOException if ONNX Runtime fails or the output has an unexpected shape or non-finite values
     * @throws IllegalStateException if the extractor is closed
     */
    public FeatureMatrix extract(List<RasterImage> images) throws IOException {
        return extract("images", images, ExtractionListener.NONE);
    }

    /**
     * The features of {@code images}, reporting progress after every batch.
     *
     * @param task a name for the progress reports, e.g. the image set's name
     * @param images the images, any sizes, gray or RGB
     * @param listener hears the progress
     * @return an {@code images.size() × featureDimension()} matrix
     * @throws IOException if ONNX Runtime fails or the output has an unexpected shape or non-finite values
     * @throws IllegalStateException if the extractor is closed
     */
    public FeatureMatrix extract(String task, List<RasterImage> images, ExtractionListener listener)
            throws IOException {
        requireOpen();
        List<RasterImage> copy = List.copyOf(images);
        float[] out = new float[Math.multiplyExact(copy.size(), featureDimension)];
        new BatchRunner(this, task, copy, out, Objects.requireNonNull(listener, "listener")).run(parallelRuns);
        try {
            return FeatureMatrix.wrap(out, copy.size(), featureDimension);
        } catch (IllegalArgumentException e) {
            throw new IOException("model output '" + signature.featureOutput + "' is not finite for task '" + task
                    + "': " + e.getMessage(), e);
        }
    }

    /**
     * Runs the model once on a few images and returns the named outputs (for instance the activations Grad-CAM
     * needs).
     *
     * @param images 1 to {@link #batchSize()} images
     * @param outputs names of model outputs
     * @return the outputs by name, batch first
     * @throws IOException if ONNX Runtime fails
     * @throws IllegalArgumentException if there are too many images or an output does not exist
     */
    public Map<String, OutputTensor> outputs(List<RasterImage> images, Collection<String> outputs) throws IOException {
        requireOpen();
        if (images.isEmpty() || images.size() > batchSize) {
            throw new IllegalArgumentException("give 1–" + batchSize + " images per call, got " + images.size());
        }
        for (String name : outputs) {
            if (!signature.outputs.contains(name)) {
                throw new IllegalArgumentException("the model has no output '" + name + "'; it has "
                        + signature.outputs);
            }
        }
        try {
            return run(images, outputs);
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    /** Preprocesses {@code images} and runs the model once; used by {@link BatchRunner}. */
    Map<String, OutputTensor> run(List<RasterImage> images, Collection<String> outputs) throws OrtException {
        int s = preprocessing.size();
        int perImage = s * s * signature.channels;
        float[] input = new float[images.size() * perImage];
        for (int i = 0; i < images.size(); i++) {
            preprocessing.fill(images.get(i), signature.channels, signature.channelsLast, input, i * perImage);
        }
        long[] shape = signature.channelsLast ? new long[] {images.size(), s, s, signature.channels}
                : new long[] {images.size(), signature.channels, s, s};
        Map<String, OutputTensor> result = new LinkedHashMap<>();
        lifecycle.readLock().lock();
        requireOpenLocked();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result r = session.run(Map.of(signature.input, tensor), Set.copyOf(outputs))) {
            for (Map.Entry<String, OnnxValue> e : r) {
                OnnxTensor t = (OnnxTensor) e.getValue();
                FloatBuffer b = t.getFloatBuffer();
                float[] values = new float[b.remaining()];
                b.get(values);
                result.put(e.getKey(), new OutputTensor(e.getKey(), t.getInfo().getShape(), values));
            }
        } finally {
            lifecycle.readLock().unlock();
        }
        return result;
    }

    private void requireOpenLocked() {
        if (closed) {
            lifecycle.readLock().unlock();
            throw new IllegalStateException("this OnnxFeatureExtractor was closed during the extraction");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this OnnxFeatureExtractor is closed");
        }
    }

    /** Releases the native session once the runs in progress have finished. Idempotent. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (OrtException e) {
            // Nothing more can be done with a session that fails to close; its memory goes with the process.
        }
    }

    @Override
    public String toString() {
        return "OnnxFeatureExtractor[" + featureDimension + " features from '" + signature.featureOutput + "', "
                + preprocessing + ", batch " + batchSize + ", " + parallelRuns + " parallel runs]";
    }

    /** Builds an {@link OnnxFeatureExtractor}; setters validate their argument. Not thread-safe. */
    public static final class Builder {
        private final Path file;
        private final byte[] bytes;
        private final String source;
        private String featureOutput;
        private String inputName;
        private Boolean channelsLast;
        private Preprocessing preprocessing;
        private int batchSize = 32;
        private int parallelRuns = Math.min(8, Runtime.getRuntime().availableProcessors());
        private int threadsPerRun = Math.max(1, Runtime.getRuntime().availableProcessors() / parallelRuns);

        private Builder(Path file, byte[] bytes) {
            this.file = file;
            this.bytes = bytes;
            this.source = file != null ? file.toString() : "(" + bytes.length + " bytes)";
        }

        /**
         * @param name the output holding the pooled features; by default the converted model's {@code "features"}
         *             (from its metadata) or the model's only output
         * @return this builder
         */
        public Builder featureOutput(String name) {
            this.featureOutput = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param name the image input; by default the model's only input
         * @return this builder
         */
        public Builder inputName(String name) {
            this.inputName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param nhwc true if the input is {@code [N, H, W, C]}, false for {@code [N, C, H, W]}; by default from the
         *             metadata or the position of a dimension of size 1 or 3
         * @return this builder
         */
        public Builder channelsLast(boolean nhwc) {
            this.channelsLast = nhwc;
            return this;
        }

        /**
         * @param value the image preprocessing; by default {@link Preprocessing#scaled} at the model's fixed input
         *              size, or 224
         * @return this builder
         */
        public Builder preprocessing(Preprocessing value) {
            this.preprocessing = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param images images per model run, 1–4096 (default 32)
         * @return this builder
         */
        public Builder batchSize(int images) {
            this.batchSize = check(images, 4096, "batch size");
            return this;
        }

        /**
         * @param runs batches run at the same time, 1–256 (default: the processor count, at most 8). On 2 cores two
         *             runs of one thread each were 5–10 % faster than one run of two threads (MobileNetV2 at 96²
         *             and 224², InceptionV3 at 139²); each run holds its batch's activations in memory
         * @return this builder
         */
        public Builder parallelRuns(int runs) {
            this.parallelRuns = check(runs, 256, "parallel runs");
            return this;
        }

        /**
         * @param threads ONNX Runtime intra-operator threads per run, 1–256 (default: the processors left per run,
         *                at least 1)
         * @return this builder
         */
        public Builder threadsPerRun(int threads) {
            this.threadsPerRun = check(threads, 256, "threads per run");
            return this;
        }

        private static int check(int value, int max, String what) {
            if (value < 1 || value > max) {
                throw new IllegalArgumentException(what + " must be 1–" + max + ", got " + value);
            }
            return value;
        }

        /**
         * Loads the model.
         *
         * @return the extractor; close it when done
         * @throws java.nio.file.NoSuchFileException if the model file does not exist
         * @throws IOException if the model cannot be read or loaded, or its feature output cannot be run
         * @throws IllegalArgumentException if the model's inputs/outputs do not fit the settings; the message lists
         *                                  what the model has
         */
        public OnnxFeatureExtractor build() throws IOException {
            byte[] model = bytes != null ? bytes : Files.readAllBytes(file);
            return new OnnxFeatureExtractor(this, model);
        }
    }
}
