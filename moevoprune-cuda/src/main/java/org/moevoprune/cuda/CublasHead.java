package org.moevoprune.cuda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingProcedure;

/**
 * The GPU population head over cuBLAS, id {@value #ID}, priority {@value #PRIORITY}: trains all candidates of a batch
 * in lock-step on GPU 0, their first layers dense-masked over the {@code F} features (inactive rows zero) so that
 * each step is one strided-batched SGEMM per product for the whole population plus one launch per elementwise step
 * (see {@link CudaKernels}); the driver ({@link PopulationTrainer}) is shared with a plain-Java kernel set that the
 * build tests on every machine. Runs on any CUDA 13 machine, Hopper (sm_90) included: the kernels are compiled at
 * run time by NVRTC for the device found.
 *
 * <p>Available only where JavaCPP's CUDA bindings load and find a GPU (see {@link #availability()}); elsewhere the
 * registry skips it with the one-line reason. Its heads agree with training each candidate alone up to float
 * rounding (cuBLAS may sum in another order for another population size). Trained heads answer {@code logits} on
 * the host, so they need no GPU. Stateless and thread-safe: training calls of several threads take turns on the GPU.
 *
 * <p><b>Unverified on a GPU:</b> written and tested where no GPU was available (its driver runs in every build on
 * the plain-Java kernels); {@code scripts/gpu-verify.sh} runs the contract suite and the benchmark on one.
 */
public final class CublasHead implements PopulationHead {

    /** The provider id. */
    public static final String ID = "cublas";

    /** The rank of this provider: above ND4J's {@code gpu} head (200), since this one also runs on Hopper GPUs. */
    public static final int PRIORITY = 210;

    /** The largest {@code P·F·H} of one pass: four such arrays (weights, velocity, gradient, best) live at once. */
    static final long MAX_FLOATS_PER_ARRAY = 256L << 20;

    /** The plain-Java kernels instead of the GPU; null for the GPU. */
    private final PopulationKernels.Factory hostKernels;
    private final long maxFloatsPerArray;

    /** The provider as {@link java.util.ServiceLoader} creates it; cheap, loads nothing native. */
    public CublasHead() {
        this(null, MAX_FLOATS_PER_ARRAY);
    }

    private CublasHead(PopulationKernels.Factory hostKernels, long maxFloatsPerArray) {
        this.hostKernels = hostKernels;
        this.maxFloatsPerArray = maxFloatsPerArray;
    }

    /**
     * @param maxFloatsPerArray the largest {@code P·F·H} of one pass (tests make it small)
     * @return this head's driver on the plain-Java kernels: the GPU path's logic, testable anywhere
     */
    static CublasHead onHost(long maxFloatsPerArray) {
        return new CublasHead(HostKernels.FACTORY, maxFloatsPerArray);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * Loads JavaCPP's CUDA bindings, finds GPU 0 and compiles the kernels, if nobody has yet in this JVM (about a
     * second); never throws.
     *
     * @return available, or one line saying what is missing and how to fix it
     */
    @Override
    public Availability availability() {
        return hostKernels != null ? Availability.AVAILABLE : CudaRuntime.start().availability();
    }

    @Override
    public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
        return TrainingProcedure.trainOne(this, train, mask, settings, seed);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the GPU path is unavailable here (with the reason), or CUDA fails
     */
    @Override
    public List<TrainedHead> trainAll(LabelledFeatures train, List<Member> members, TrainingSettings settings) {
        List<Member> all = TrainingProcedure.requireTrainable(train, members, settings);
        if (all.isEmpty()) {
            return List.of();
        }
        Availability available = availability();
        if (!available.available()) {
            throw new IllegalStateException(available.reason());
        }
        TrainedHead[] heads = new TrainedHead[all.size()];
        List<Member> pass = new ArrayList<>();
        int[] positions = new int[all.size()];
        long perMember = (long) train.featureCount() * settings.hiddenUnits();
        int passSize = (int) Math.max(1, Math.min(all.size(), maxFloatsPerArray / perMember));
        for (int i = 0; i < all.size(); i++) {
            Member m = all.get(i);
            if (m.mask().activeCount() == 0) {
                heads[i] = TrainingProcedure.untrained(this, m.mask(), settings.hiddenUnits(), train.classCount(),
                        m.seed());
                continue;
            }
            positions[pass.size()] = i;
            pass.add(m);
            if (pass.size() == passSize) {
                trainPass(train, pass, Arrays.copyOf(positions, pass.size()), settings, heads);
                pass.clear();
            }
        }
        if (!pass.isEmpty()) {
            trainPass(train, pass, Arrays.copyOf(positions, pass.size()), settings, heads);
        }
        return List.of(heads);
    }

    private void trainPass(LabelledFeatures train, List<Member> pass, int[] positions, TrainingSettings settings,
            TrainedHead[] heads) {
        if (hostKernels != null) {
            collect(train, pass, positions, settings, heads, hostKernels);
            return;
        }
        CudaRuntime cuda = CudaRuntime.start();
        cuda.lock().lock();
        try {
            cuda.bind();
            collect(train, pass, positions, settings, heads, CudaKernels.factory(cuda));
        } finally {
            cuda.lock().unlock();
        }
    }

    private void collect(LabelledFeatures train, List<Member> pass, int[] positions, TrainingSettings settings,
            TrainedHead[] heads, PopulationKernels.Factory kernels) {
        PopulationTrainer trainer = new PopulationTrainer(ID, train, pass, positions, heads.length, settings, kernels);
        try (PopulationKernels k = trainer.kernels()) {
            TrainedHead[] trained = trainer.run();
            for (int i = 0; i < heads.length; i++) {
                if (trained[i] != null) {
                    heads[i] = trained[i];
                }
            }
        }
    }

    /** Needs no GPU: the head computes its logits on the host. */
    @Override
    public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(summary, "summary");
        return CublasTrainedHead.of(ID, parameters, summary);
    }

    /** @return the device and CUDA versions this head runs on, or why it cannot run here */
    public static String describe() {
        CudaRuntime cuda = CudaRuntime.start();
        return cuda.availability().available() ? cuda.description() : "unavailable: " + cuda.availability().reason();
    }

    @Override
    public String toString() {
        return "CublasHead" + (hostKernels != null ? "[host kernels]" : "");
    }
}
