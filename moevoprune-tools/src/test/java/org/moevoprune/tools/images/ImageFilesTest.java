package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.onnx.images.RasterImage;

/** Decoding of image files into gray or RGB 8-bit rasters, through real PNG/JPEG files. */
class ImageFilesTest {

    @TempDir
    Path temp;

    private Path write(BufferedImage image, String format, String name) throws IOException {
        Path file = temp.resolve(name);
        assertTrue(ImageIO.write(image, format, file.toFile()), "no " + format + " writer");
        return file;
    }

    @Test
    void eightBitGrayKeepsItsExactValues() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                image.getRaster().setSample(x, y, 0, 20 * x + 70 * y + 1);
            }
        }
        RasterImage read = ImageDatasets.readImage(write(image, "png", "gray.png"));
        assertEquals(1, read.channels());
        assertEquals(4, read.width());
        assertEquals(3, read.height());
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(20 * x + 70 * y + 1, read.pixel(x, y, 0));
            }
        }
    }

    @Test
    void sixteenBitGrayIsRoundedToEightBits() throws IOException {
        BufferedImage image = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        int[] samples = {0, 65535, 257 * 100, 257 * 100 + 128};
        for (int x = 0; x < samples.length; x++) {
            image.getRaster().setSample(x, 0, 0, samples[x]);
        }
        RasterImage read = ImageDatasets.readImage(write(image, "png", "gray16.png"));
        assertEquals(1, read.channels());
        assertEquals(0, read.pixel(0, 0, 0));
        assertEquals(255, read.pixel(1, 0, 0));
        assertEquals(100, read.pixel(2, 0, 0));
        assertEquals(100, read.pixel(3, 0, 0));
    }

    @Test
    void rgbAndArgbBecomeRgbWithAlphaDropped() throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x80123456);
        image.setRGB(1, 0, 0xFFFF0000);
        image.setRGB(0, 1, 0xFF00FF00);
        image.setRGB(1, 1, 0xFF0000FF);
        RasterImage read = ImageDatasets.readImage(write(image, "png", "argb.png"));
        assertEquals(3, read.channels());
        assertEquals(0x12, read.pixel(0, 0, 0));
        assertEquals(0x34, read.pixel(0, 0, 1));
        assertEquals(0x56, read.pixel(0, 0, 2));
        assertEquals(255, read.pixel(1, 0, 0));
        assertEquals(0, read.pixel(1, 0, 1));
        assertEquals(255, read.pixel(0, 1, 1));
        assertEquals(255, read.pixel(1, 1, 2));
    }

    @Test
    void aGrayPaletteStaysGrayAndAColourPaletteBecomesRgb() throws IOException {
        byte[] levels = {0, 100, (byte) 200, (byte) 255};
        IndexColorModel grayPalette = new IndexColorModel(2, 4, levels, levels, levels);
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, grayPalette);
        WritableRaster raster = gray.getRaster();
        raster.setSample(0, 0, 0, 1);
        raster.setSample(1, 0, 0, 2);
        RasterImage readGray = ImageDatasets.readImage(write(gray, "png", "palette-gray.png"));
        assertEquals(1, readGray.channels());
        assertEquals(100, readGray.pixel(0, 0, 0));
        assertEquals(200, readGray.pixel(1, 0, 0));

        byte[] red = {0, (byte) 255};
        byte[] zero = {0, 0};
        BufferedImage colour = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(1, 2, red, zero, zero));
        colour.getRaster().setSample(1, 0, 0, 1);
        RasterImage readColour = ImageDatasets.readImage(write(colour, "png", "palette-red.png"));
        assertEquals(3, readColour.channels());
        assertEquals(255, readColour.pixel(1, 0, 0));
        assertEquals(0, readColour.pixel(1, 0, 1));
        assertEquals(0, readColour.pixel(0, 0, 0));
    }

    @Test
    void jpegIsDecodedApproximately() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, 0x3C78B4);
            }
        }
        RasterImage read = ImageDatasets.readImage(write(image, "jpg", "flat.jpg"));
        assertEquals(3, read.channels());
        assertEquals(16, read.width());
        int[] expected = {0x3C, 0x78, 0xB4};
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.abs(read.pixel(7, 7, c) - expected[c]) <= 3, "channel " + c + ": " + read.pixel(7, 7, c));
        }
    }

    @Test
    void corruptAndUnknownFilesAreNamed() throws IOException {
        Path png = write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", "cut.png");
        byte[] bytes = Files.readAllBytes(png);
        Files.write(png, java.util.Arrays.copyOf(bytes, 40));
        IOException cut = assertThrows(IOException.class, () -> ImageDatasets.readImage(png));
        assertTrue(cut.getMessage().contains("cannot decode image " + png), cut.getMessage());

        Path text = temp.resolve("notes.png");
        Files.writeString(text, "this is not an image");
        IOException unknown = assertThrows(IOException.class, () -> ImageDatasets.readImage(text));
        assertTrue(unknown.getMessage().contains(text.toString())
                && unknown.getMessage().contains("knows no format"), unknown.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ImageDatasets.readImage(temp.resolve("none")));
    }

    /** A 2 × 2 gray PNG whose header declares {@code width × height}, with the header's CRC recomputed. */
    private Path declaring(int width, int height) throws IOException {
        Path png = write(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), "png", width + "x" + height + ".png");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(png));
        bytes.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(bytes.array(), 12, 17);
        bytes.putInt(29, (int) crc.getValue());
        Files.write(png, bytes.array());
        return png;
    }

    @Test
    void aHeaderDeclaringAGiganticImageIsRefusedBeforeItsPixelsAreAllocated() throws IOException {
        // 30000 × 30000 gray pixels would take 0.9 GB for the raster, 3.6 GB more for the conversion.
        Path png = declaring(30_000, 30_000);
        IOException e = assertThrows(IOException.class, () -> ImageDatasets.readImage(png));
        assertTrue(e.getMessage().contains("image " + png + " declares 30000 × 30000 = 900000000 pixels, more than "
                + "the 67108864 (8192 × 8192)"), e.getMessage());
    }

    @Test
    void theLimitIsInclusive() throws IOException {
        Path atLimit = declaring(8192, 8192);
        IOException e = assertThrows(IOException.class, () -> ImageDatasets.readImage(atLimit));
        assertTrue(e.getMessage().startsWith("cannot decode image " + atLimit), "decoded, then found short: "
                + e.getMessage());
        Path beyond = declaring(8193, 8192);
        e = assertThrows(IOException.class, () -> ImageDatasets.readImage(beyond));
        assertTrue(e.getMessage().contains("declares 8193 × 8192"), e.getMessage());
    }
}
