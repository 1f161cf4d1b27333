package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.moevoprune.onnx.images.ImageSet;

class OodPoolProperties {

    /** The oracle: hand out one unit at a time, round robin over the parts that still have room. */
    static int[] roundRobin(int total, int[] capacity) {
        int[] shares = new int[capacity.length];
        int left = total;
        while (left > 0) {
            for (int i = 0; i < capacity.length && left > 0; i++) {
                if (shares[i] < capacity[i]) {
                    shares[i]++;
                    left--;
                }
            }
        }
        return shares;
    }

    private static int[] array(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    @Property
    void evenSharesEqualsRoundRobin(@ForAll @Size(max = 8) List<@IntRange(max = 40) Integer> capacities,
            @ForAll @IntRange(max = 400) int total) {
        int[] capacity = array(capacities);
        int sum = capacities.stream().mapToInt(Integer::intValue).sum();
        if (total > sum) {
            assertThrows(IllegalArgumentException.class, () -> OodPool.evenShares(total, capacity));
        } else {
            assertArrayEquals(roundRobin(total, capacity), OodPool.evenShares(total, capacity));
        }
    }

    @Property
    void poolCountsFollowEvenSharesAndTakeTheFirstImagesOfEachClass(
            @ForAll @Size(min = 1, max = 4) List<@Size(min = 1, max = 5) List<@IntRange(max = 12) Integer>> sources,
            @ForAll @IntRange(max = 100) int count) {
        List<ImageSet> sets = new ArrayList<>();
        int total = 0;
        for (int s = 0; s < sources.size(); s++) {
            sets.add(OodPoolTest.interleaved("s" + s, s, array(sources.get(s))));
            total += sets.get(s).size();
        }
        Assume.that(count <= total);
        OodPool pool = OodPool.draw(count, sets);
        int[] sizes = sets.stream().mapToInt(ImageSet::size).toArray();
        int[] perSource = OodPool.evenShares(count, sizes);
        assertEquals(count, pool.size());
        int next = 0;
        for (int s = 0; s < sets.size(); s++) {
            int[] perClass = pool.counts(s);
            assertArrayEquals(OodPool.evenShares(perSource[s], sets.get(s).labels().counts()), perClass);
            for (int c = 0; c < perClass.length; c++) {
                int seen = 0;
                for (int i = 0; i < sets.get(s).size() && seen < perClass[c]; i++) {
                    if (sets.get(s).labels().label(i) == c) {
                        assertEquals(s, pool.source(next));
                        assertEquals(i, pool.sourceIndex(next));
                        assertEquals(sets.get(s).image(i), pool.images().image(next));
                        next++;
                        seen++;
                    }
                }
            }
        }
        assertEquals(count, next);
    }
}
