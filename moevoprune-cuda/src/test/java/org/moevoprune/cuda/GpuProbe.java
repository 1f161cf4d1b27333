package org.moevoprune.cuda;

/**
 * Prints whether the 'cublas' head can run here, in one line: the device and CUDA versions, or the reason it
 * cannot. Exit status 0 when it can, 2 when not. Run by scripts/gpu-verify.sh before the contract suite.
 */
public final class GpuProbe {

    private GpuProbe() {
    }

    /** @param args none */
    public static void main(String[] args) {
        String line = CublasHead.describe();
        System.out.println("cublas: " + line);
        System.exit(new CublasHead().availability().available() ? 0 : 2);
    }
}
