package org.moevoprune.core.head;

/** The momentum SGD step shared by every parameter array of the head (see {@code TrainingSettings}). */
final class Sgd {

    private Sgd() {
    }

    /**
     * {@code v ← μv − lr·g}, then {@code w ← w + μv − lr·g} (Nesterov) or {@code w ← w + v}, over {@code n}
     * consecutive weights.
     */
    static void step(float[] w, float[] v, int wo, float[] g, int go, int n, float lr, float mu, boolean nesterov) {
        if (nesterov) {
            for (int j = 0; j < n; j++) {
                float gj = g[go + j];
                float vn = mu * v[wo + j] - lr * gj;
                v[wo + j] = vn;
                w[wo + j] += mu * vn - lr * gj;
            }
        } else {
            for (int j = 0; j < n; j++) {
                float vn = mu * v[wo + j] - lr * g[go + j];
                v[wo + j] = vn;
                w[wo + j] += vn;
            }
        }
    }
}
