/**
 * Real transfer learning for moevoprune: a frozen pretrained CNN run with ONNX Runtime as a
 * {@link org.moevoprune.api.Backbone}, the converter from Keras/TensorFlow.js layers models to ONNX, the disk
 * feature cache, Grad-CAM heat maps of pooled features, and the image types the data-set readers produce.
 */
module org.moevoprune.onnx {
    requires transitive org.moevoprune.core;
    requires com.microsoft.onnxruntime;
    requires java.desktop;

    exports org.moevoprune.onnx;
    exports org.moevoprune.onnx.convert;
    exports org.moevoprune.onnx.fetch;
    exports org.moevoprune.onnx.gradcam;
    exports org.moevoprune.onnx.images;
}
