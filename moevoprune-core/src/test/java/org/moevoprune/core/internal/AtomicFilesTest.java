package org.moevoprune.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.core.io.FeatureFiles;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = Files.writeString(dir.resolve("f.csv"), "old");
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), filesInDir());
    }

    @Test
    void createsAFileThenReplacesIt() throws IOException {
        Path target = dir.resolve("model.onnx");
        AtomicFiles.write(target, out -> out.write("old".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("old", Files.readString(target));
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), filesInDir());
    }

    @Test
    void failureMidwayLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("f.csv"), "old content");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            // More than the stream's buffer, so part of it really reaches the temporary file.
            out.write(new byte[1 << 20]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old content", Files.readString(target));
        assertEquals(List.of(target), filesInDir());
    }

    @Test
    void uncheckedFailureAlsoLeavesTheOldFileIntact() throws IOException {
        Path target = Files.writeString(dir.resolve("f.npy"), "old");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new UncheckedIOException(new IOException("boom"));
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), filesInDir());
    }

    @Test
    void failedFirstWriteLeavesNoFile() {
        Path target = dir.resolve("new.csv");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("no");
        }));
        assertFalse(Files.exists(target));
    }

    @Test
    void missingDirectoryIsNamed() {
        Path target = dir.resolve("missing/sub/f.csv");
        LabelledFeatures data = new LabelledFeatures(FeatureMatrix.of(new float[] {1f}), ClassLabels.of(1, 0));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> FeatureFiles.writeCsv(target, data));
        assertTrue(e.getMessage().contains(dir.resolve("missing/sub").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("create it first"), e.getMessage());
    }

    @Test
    void directoryAsTargetIsRejectedAndKept() throws IOException {
        Path target = Files.createDirectory(dir.resolve("d.npy"));
        IOException e = assertThrows(IOException.class,
                () -> FeatureFiles.writeNpy(target, FeatureMatrix.of(new float[] {1f})));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void writeItselfNamesAMissingFolderAndRefusesAFolderAsTarget() throws IOException {
        Path missing = dir.resolve("missing/sub/f.onnx");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> AtomicFiles.write(missing, out -> out.write(1)));
        assertTrue(e.getMessage().contains(dir.resolve("missing/sub").toString())
                && e.getMessage().contains("create it first"), e.getMessage());
        Path folder = Files.createDirectory(dir.resolve("folder"));
        IOException f = assertThrows(IOException.class, () -> AtomicFiles.write(folder, out -> out.write(1)));
        assertTrue(f.getMessage().contains("is a directory"), f.getMessage());
        assertTrue(Files.isDirectory(folder));
    }
}
