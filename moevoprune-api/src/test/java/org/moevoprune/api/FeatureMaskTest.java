package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known answers and error messages of {@link FeatureMask}; the invariants live in {@link FeatureMaskProperties}. */
class FeatureMaskTest {

    /**
     * The test's own SplitMix64 finaliser must be the published one: its first output for seed 0 is the value in
     * Vigna's reference splitmix64.c, and it matches the JDK's independent SplittableRandom.
     */
    @Test
    void referenceFinaliserIsThePublishedSplitMix64() {
        assertEquals(0xE220A8397B1DCDAFL, SplitMix64Reference.mix(SplitMix64Reference.GAMMA));
        SplittableRandom jdk = new SplittableRandom(12345);
        SplitMix64Reference ours = new SplitMix64Reference(12345);
        for (int i = 0; i < 100; i++) {
            assertEquals(jdk.nextLong(), ours.nextLong(), "draw " + i);
        }
    }

    /**
     * The fingerprint keys caches, files and seeds, so these values must never change. They were computed with
     * {@link SplitMix64Reference} from the Javadoc definition, never with the main code.
     */
    @Test
    void fingerprintsArePinned() {
        Map<FeatureMask, Long> pinned = new HashMap<>();
        pinned.put(FeatureMask.none(0), 0xE220A8397B1DCDAFL);
        pinned.put(FeatureMask.none(1), 0x7B1B9DB6020B51CDL);
        pinned.put(FeatureMask.all(64), 0xD738D6B4E4F28520L);
        pinned.put(FeatureMask.all(65), 0x92CC059EBD653659L);
        pinned.put(FeatureMask.parse("1011"), 0x2CB3141EBBE68991L);
        pinned.forEach((mask, value) -> {
            assertEquals(value, SplitMix64Reference.fingerprint(mask.toBooleanArray()), "reference for " + mask);
            assertEquals(value, mask.fingerprint(), "fingerprint of " + mask);
        });
    }

    /** The length takes part: masks that differ only by trailing inactive or active features never collide. */
    @Test
    void fingerprintsOfEmptyAndFullMasksOfEveryLengthAreDistinct() {
        Map<Long, FeatureMask> seen = new HashMap<>();
        for (int length = 0; length <= 300; length++) {
            for (FeatureMask mask : new FeatureMask[] {FeatureMask.none(length), FeatureMask.all(length)}) {
                FeatureMask clash = seen.put(mask.fingerprint(), mask);
                assertTrue(clash == null || clash.equals(mask), mask + " collides with " + clash);
            }
        }
        assertEquals(2 * 301 - 1, seen.size()); // lengths 0..300, and none(0) equals all(0)
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 63, 64, 65, 128})
    void allKeepsExactlyEveryFeature(int length) {
        FeatureMask all = FeatureMask.all(length);
        assertEquals(length, all.length());
        assertEquals(length, all.activeCount());
        assertEquals(length == 0 ? 0.0 : 1.0, all.activeFraction());
        assertEquals("1".repeat(length), all.toBitString());
        assertEquals(length, all.toBitSet().cardinality());
        assertEquals(length, all.toBitSet().length());
        for (int i = 0; i < length; i++) {
            assertEquals(i, all.activeIndex(i));
        }
        assertEquals(all, FeatureMask.of(SplitMix64Reference.filled(length, true)));
    }

    @Test
    void knownMaskAnswersEveryQuery() {
        FeatureMask mask = FeatureMask.parse("0110001");
        assertEquals(7, mask.length());
        assertEquals(3, mask.activeCount());
        assertEquals(3.0 / 7, mask.activeFraction());
        assertArrayEquals(new int[] {1, 2, 6}, mask.activeIndices());
        assertArrayEquals(new boolean[] {false, true, true, false, false, false, true}, mask.toBooleanArray());
        assertTrue(mask.isActive(6));
        assertFalse(mask.isActive(0));
        assertEquals("FeatureMask[3/7 active, 0110001]", mask.toString());
        assertEquals("FeatureMask[0/65 active]", FeatureMask.none(65).toString());
    }

    @Test
    void masksOfDifferentLengthAreNotEqual() {
        assertNotEquals(FeatureMask.none(3), FeatureMask.none(4));
        assertNotEquals(FeatureMask.parse("10"), FeatureMask.parse("100"));
        assertNotEquals(FeatureMask.none(3), "000");
    }

    @Test
    void negativeLengthIsRejectedWithTheValue() {
        for (Runnable factory : new Runnable[] {
                () -> FeatureMask.all(-3), () -> FeatureMask.none(-3), () -> FeatureMask.ofIndices(-3),
                () -> FeatureMask.of(-3, new BitSet())}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, factory::run);
            assertTrue(e.getMessage().contains("-3"), e.getMessage());
        }
    }

    @Test
    void indexOutsideTheMaskIsRejectedWithTheIndexAndTheLength() {
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> FeatureMask.ofIndices(64, 3, 64));
        assertTrue(high.getMessage().contains("64 is outside"), high.getMessage());
        assertTrue(high.getMessage().contains("0..63"), high.getMessage());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> FeatureMask.ofIndices(10, -1));
        assertTrue(low.getMessage().contains("-1"), low.getMessage());
    }

    @Test
    void badCharacterIsRejectedWithTheCharacterAndItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureMask.parse("0110x1"));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertTrue(e.getMessage().contains("position 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureMask.parse("1 0"));
    }

    @Test
    void bitSetBitBeyondTheLengthIsRejectedWithTheBit() {
        BitSet bits = new BitSet();
        bits.set(2);
        bits.set(70);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureMask.of(64, bits));
        assertTrue(e.getMessage().contains("bit 70"), e.getMessage());
        assertTrue(e.getMessage().contains("64 features"), e.getMessage());
        // bit 63 is the last one a 64-feature mask may use
        bits.clear(70);
        bits.set(63);
        assertEquals(2, FeatureMask.of(64, bits).activeCount());
    }

    @Test
    void bitSetIsCopied() {
        BitSet bits = new BitSet();
        bits.set(1);
        FeatureMask mask = FeatureMask.of(5, bits);
        bits.set(3);
        assertEquals("01000", mask.toBitString());
        mask.toBitSet().set(0);
        assertEquals("01000", mask.toBitString());
    }

    @Test
    void queriesOutOfRangeThrowIndexOutOfBounds() {
        FeatureMask mask = FeatureMask.parse("101");
        assertThrows(IndexOutOfBoundsException.class, () -> mask.isActive(3));
        assertThrows(IndexOutOfBoundsException.class, () -> mask.isActive(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> mask.activeIndex(2));
        assertThrows(IndexOutOfBoundsException.class, () -> FeatureMask.none(0).activeIndex(0));
    }

    @Test
    void nullsAreRejectedWithTheParameterName() {
        assertEquals("bits", assertThrows(NullPointerException.class,
                () -> FeatureMask.of((boolean[]) null)).getMessage());
        assertEquals("bits", assertThrows(NullPointerException.class, () -> FeatureMask.of(3, null)).getMessage());
        assertEquals("indices", assertThrows(NullPointerException.class,
                () -> FeatureMask.ofIndices(3, (int[]) null)).getMessage());
        assertEquals("bits", assertThrows(NullPointerException.class, () -> FeatureMask.parse(null)).getMessage());
        assertEquals("action", assertThrows(NullPointerException.class,
                () -> FeatureMask.all(2).forEachActive(null)).getMessage());
    }
}
