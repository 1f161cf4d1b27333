/**
 * The 'cublas' population head: cuBLAS and NVRTC through JavaCPP's CUDA 13 presets, linking the machine's own CUDA
 * 13 libraries. Depends on the moevoprune api alone (like every backend).
 */
module org.moevoprune.cuda {
    requires transitive org.moevoprune.api;
    requires org.bytedeco.javacpp;
    requires org.bytedeco.cuda;

    exports org.moevoprune.cuda;

    provides org.moevoprune.api.SparseHead with
            org.moevoprune.cuda.CublasHead;
}
