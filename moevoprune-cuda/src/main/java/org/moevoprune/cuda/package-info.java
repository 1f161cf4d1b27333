/**
 * The population-batched GPU head over cuBLAS ({@link org.moevoprune.cuda.CublasHead}, id {@code cublas}): all
 * candidates of a search batch trained in lock-step on one NVIDIA GPU through JavaCPP's CUDA 13 presets, with the
 * elementwise kernels compiled at run time by NVRTC. A backend: depends on {@code moevoprune-api} alone.
 */
package org.moevoprune.cuda;
