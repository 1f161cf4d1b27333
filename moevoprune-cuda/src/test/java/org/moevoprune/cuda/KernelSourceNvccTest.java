package org.moevoprune.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a CUDA compiler is installed (no GPU needed), the kernels NVRTC compiles at run time compile to Hopper
 * machine code (sm_90) with the options {@link KernelSource#compile} gives NVRTC, and the cubin defines every kernel
 * the runtime looks up. Skipped where there is no nvcc ({@code $CUDA_HOME/bin/nvcc} or {@code /usr/local/cuda/bin/nvcc}).
 */
class KernelSourceNvccTest {

    @Test
    void theKernelsCompileForSm90(@TempDir Path dir) throws IOException, InterruptedException {
        String home = System.getenv().getOrDefault("CUDA_HOME", "/usr/local/cuda");
        Path nvcc = Path.of(home, "bin", "nvcc");
        assumeTrue(Files.isExecutable(nvcc), "no CUDA compiler at " + nvcc);
        Path source = Files.writeString(dir.resolve("kernels.cu"), KernelSource.SOURCE);
        Path cubin = dir.resolve("kernels.cubin");
        Process p = new ProcessBuilder(List.of(nvcc.toString(), "-cubin", "-arch=sm_90", "--fmad=false",
                "-std=c++17", "-o", cubin.toString(), source.toString())).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nvcc did not finish");
        assertEquals(0, p.exitValue(), log);
        String image = new String(Files.readAllBytes(cubin), StandardCharsets.ISO_8859_1);
        for (String name : KernelSource.NAMES) {
            assertTrue(image.contains(name), "the cubin lacks kernel " + name);
        }
    }
}
