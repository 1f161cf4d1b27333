/**
 * Tools around the library, used by the demo and by users who start from images: the converter from
 * Keras/TensorFlow.js layers models to ONNX, the fetcher of data and models by package name, the readers of image
 * data sets with the out-of-distribution pool of the method, Grad-CAM heat maps of pooled features, and the export
 * of pruned heads, ensembles and whole pruned models to ONNX.
 */
module org.moevoprune.tools {
    requires transitive org.moevoprune.onnx;
    requires org.moevoprune.core;
    requires transitive java.desktop;

    exports org.moevoprune.tools.convert;
    exports org.moevoprune.tools.export;
    exports org.moevoprune.tools.fetch;
    exports org.moevoprune.tools.gradcam;
    exports org.moevoprune.tools.images;

    provides org.moevoprune.onnx.images.ImageSetReader with
            org.moevoprune.tools.images.ClassFolderImageSetReader,
            org.moevoprune.tools.images.IdxImageSetReader;
}
