package org.moevoprune.cuda;

/**
 * The arithmetic of one lock-step population training run, over arrays that live where the backend computes (GPU
 * memory for {@link CudaKernels}, the Java heap for {@link HostKernels}); {@link PopulationTrainer} drives it and
 * keeps everything else (batch orders, biases, the softmax, epoch loops) on the host, shared by every backend.
 *
 * <p>Layout, all row-major: member {@code i}'s first layer is {@code F × H}, dense over all features with zero rows
 * for its inactive ones, its output layer {@code H × C}; a step's batch is {@code rows} training rows per member.
 * Members are numbered {@code 0 .. members-1}; {@link #retain} renumbers them. Confined to one thread.
 */
interface PopulationKernels extends AutoCloseable {

    /**
     * Sets member {@code i}'s weights and mask and zeroes its velocities; its best copy becomes these weights.
     *
     * @param dense {@code F × H} first-layer weights, zero rows for inactive features
     * @param mask {@code F} values, 1 for active features and 0 elsewhere
     * @param output {@code H × C} output weights
     */
    void load(int i, float[] dense, float[] mask, float[] output);

    /**
     * Gathers each member's batch rows of the training features, zeroes its inactive columns and computes
     * {@code logits = relu(x · W1) · W2} (bias not added).
     *
     * @param members the running members {@code P}
     * @param rows the batch height
     * @param rowIndices {@code P × rows} training row indices, member after member
     * @param logits receives {@code P × rows × C} values
     */
    void forward(int members, int rows, int[] rowIndices, float[] logits);

    /**
     * Back-propagates the gradient of the logits of the last {@link #forward} and applies the momentum step to both
     * layers: {@code v = μ·v − lr·g}, then {@code w += v} or, Nesterov, {@code w += μ·v − lr·g}.
     *
     * @param logitGradients {@code P × rows × C} gradients of the batch-mean loss
     * @param lr the learning rate of this update
     */
    void backward(int members, int rows, float[] logitGradients, float lr);

    /** Copies member {@code i}'s weights to its best copy. */
    void saveBest(int i);

    /** Copies member {@code i}'s best copy back to its weights. */
    void restoreBest(int i);

    /** @param dense receives member {@code i}'s {@code F × H} first-layer weights */
    void hidden(int i, float[] dense);

    /** @param output receives member {@code i}'s {@code H × C} output weights */
    void output(int i, float[] output);

    /**
     * Keeps the given members, in order, as members {@code 0 .. keep.length-1} (weights, velocities, best copies
     * and masks).
     *
     * @param keep increasing member indices
     */
    void retain(int[] keep);

    /** Frees what the kernels hold; never throws. */
    @Override
    void close();

    /** Creates the kernels of one training run. */
    interface Factory {

        /**
         * @param features the {@code n × f} training features, row-major
         * @param members the population size {@code P} (the most members at once)
         * @param maxRows the batch height
         * @param momentum {@code μ}
         * @param nesterov whether updates are Nesterov's
         * @return kernels with room for {@code members} members
         */
        PopulationKernels create(float[] features, int n, int f, int h, int c, int members, int maxRows,
                float momentum, boolean nesterov);
    }
}
