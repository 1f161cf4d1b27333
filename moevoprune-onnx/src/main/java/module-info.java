/**
 * Real transfer learning for moevoprune: a frozen pretrained CNN run with ONNX Runtime as a
 * {@link org.moevoprune.api.Backbone}, and the image types it reads. Depends on the moevoprune api alone (like every
 * backend); the converter, the data-set readers and Grad-CAM are in {@code moevoprune-tools}, the disk feature cache
 * ({@code CachedBackbone}) in {@code moevoprune-core}.
 */
module org.moevoprune.onnx {
    requires transitive org.moevoprune.api;
    requires com.microsoft.onnxruntime;

    exports org.moevoprune.onnx;
    exports org.moevoprune.onnx.images;

    uses org.moevoprune.onnx.images.ImageSetReader;

    provides org.moevoprune.api.BackboneProvider with
            org.moevoprune.onnx.OnnxBackboneProvider;
}
