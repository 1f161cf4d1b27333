package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;

class OodPoolTest {

    /**
     * A set whose image i is one 3-pixel row (tag, i / 256, i % 256) and whose labels follow {@code labels}.
     */
    static ImageSet set(String name, int tag, int classes, int... labels) {
        List<RasterImage> images = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            images.add(RasterImage.of(3, 1, 1, new byte[] {(byte) tag, (byte) (i / 256), (byte) i}));
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
        }
        return ImageSet.of(name, images, labels, names);
    }

    /** A set with {@code counts[c]} images of class c, classes interleaved (0, 1, 2, 0, 1, 2, …). */
    static ImageSet interleaved(String name, int tag, int... counts) {
        List<Integer> labels = new ArrayList<>();
        int[] left = counts.clone();
        boolean any = true;
        while (any) {
            any = false;
            for (int c = 0; c < left.length; c++) {
                if (left[c] > 0) {
                    labels.add(c);
                    left[c]--;
                    any = true;
                }
            }
        }
        return set(name, tag, counts.length, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void evenSharesKnownAnswers() {
        assertArrayEquals(new int[] {4, 3, 3}, OodPool.evenShares(10, new int[] {10, 10, 10}));
        assertArrayEquals(new int[] {2, 4, 4}, OodPool.evenShares(10, new int[] {2, 10, 10}));
        assertArrayEquals(new int[] {2, 5, 3}, OodPool.evenShares(10, new int[] {2, 10, 3}));
        assertArrayEquals(new int[] {0, 5, 5}, OodPool.evenShares(10, new int[] {0, 5, 9}));
        assertArrayEquals(new int[] {0, 0}, OodPool.evenShares(0, new int[] {0, 3}));
        assertArrayEquals(new int[] {}, OodPool.evenShares(0, new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> OodPool.evenShares(11, new int[] {5, 5}));
        assertThrows(IllegalArgumentException.class, () -> OodPool.evenShares(1, new int[] {-1, 5}));
    }

    @Test
    void countsPerSourceAndClassFollowTheRule() {
        ImageSet big = interleaved("big", 1, 10, 10, 10);
        ImageSet small = interleaved("small", 2, 4, 4);
        OodPool pool = OodPool.draw(15, List.of(big, small));
        // 15 over sizes (30, 8): level 7 gives 7 + 7 = 14, the one left goes to the first source.
        assertArrayEquals(new int[] {3, 3, 2}, pool.counts(0));
        assertArrayEquals(new int[] {4, 3}, pool.counts(1));
        assertEquals(15, pool.size());
        assertEquals(List.of("big", "small"), pool.images().classNames());
        assertArrayEquals(new int[] {8, 7}, pool.images().labels().counts());
    }

    @Test
    void aSmallSourceGivesAllItHasAndTheOthersMakeUpTheShortfall() {
        ImageSet tiny = interleaved("tiny", 1, 1, 1);
        ImageSet big = interleaved("big", 2, 50, 50);
        OodPool pool = OodPool.draw(20, List.of(tiny, big));
        assertArrayEquals(new int[] {1, 1}, pool.counts(0));
        assertArrayEquals(new int[] {9, 9}, pool.counts(1));
    }

    @Test
    void theFirstImagesOfEachClassAreTakenSourceByClassInOrder() {
        // Labels out of order: class 1 first appears at index 0, class 0 at index 1.
        ImageSet source = set("s", 5, 2, 1, 0, 1, 1, 0, 0, 1);
        OodPool pool = OodPool.draw(4, List.of(source));
        assertArrayEquals(new int[] {2, 2}, pool.counts(0));
        int[] expected = {1, 4, 0, 2};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(0, pool.source(i));
            assertEquals(expected[i], pool.sourceIndex(i));
            assertEquals(source.image(expected[i]), pool.images().image(i));
        }
    }

    @Test
    void theSamePoolEveryTime() {
        List<ImageSet> sources = List.of(interleaved("a", 1, 7, 3, 9), interleaved("b", 2, 5, 5));
        OodPool first = OodPool.draw(17, sources);
        OodPool second = OodPool.draw(17, sources);
        assertEquals(first.images().images(), second.images().images());
        assertArrayEquals(first.images().labels().toArray(), second.images().labels().toArray());
    }

    @Test
    void matchingTakesTheEvaluationSize() {
        ImageSet evaluation = interleaved("eval", 9, 3, 3);
        OodPool pool = OodPool.matching(evaluation, List.of(interleaved("ood", 1, 10, 10)));
        assertEquals(6, pool.size());
    }

    @Test
    void tooFewImagesOrNoSourceFailWithTheNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OodPool.draw(12, List.of(interleaved("a", 1, 3, 3), interleaved("b", 2, 2))));
        assertTrue(e.getMessage().contains("needs 12 images but the sources hold only 8 (a: 6, b: 2)"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OodPool.draw(1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> OodPool.draw(-1, List.of(interleaved("a", 1, 3))));
    }
}
