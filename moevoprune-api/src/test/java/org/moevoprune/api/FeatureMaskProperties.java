package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of {@link FeatureMask} against brute-force oracles over plain {@code boolean[]} bits. */
class FeatureMaskProperties {

    @Provide
    Arbitrary<boolean[]> bits() {
        return MaskArbitraries.bits();
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return MaskArbitraries.lengths();
    }

    @Property(tries = 500)
    void everyFactoryBuildsTheSameMask(@ForAll("bits") boolean[] bits) {
        FeatureMask mask = FeatureMask.of(bits);
        BitSet set = new BitSet();
        StringBuilder string = new StringBuilder();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < bits.length; i++) {
            string.append(bits[i] ? '1' : '0');
            if (bits[i]) {
                set.set(i);
                indices.add(i);
            }
        }
        int[] indexArray = indices.stream().mapToInt(Integer::intValue).toArray();
        assertEquals(mask, FeatureMask.of(bits.length, set));
        assertEquals(mask, FeatureMask.ofIndices(bits.length, indexArray));
        assertEquals(mask, FeatureMask.parse(string));
        assertEquals(mask, FeatureMask.of(bits.length, mask.toBitSet()));
        assertEquals(mask.length(), bits.length);
        assertArrayEquals(bits, mask.toBooleanArray());
        assertEquals(set, mask.toBitSet());
    }

    @Property(tries = 200)
    void allAndNoneAgreeWithTheOtherFactories(@ForAll("lengths") int length) {
        boolean[] full = SplitMix64Reference.filled(length, true);
        assertEquals(FeatureMask.of(full), FeatureMask.all(length));
        assertEquals(FeatureMask.of(new boolean[length]), FeatureMask.none(length));
        assertEquals(FeatureMask.parse("1".repeat(length)), FeatureMask.all(length));
        assertEquals(FeatureMask.parse("0".repeat(length)), FeatureMask.none(length));
        assertEquals(length, FeatureMask.all(length).activeCount());
        assertEquals(0, FeatureMask.none(length).activeCount());
    }

    @Property(tries = 300)
    void ofIndicesIgnoresOrderAndDuplicates(@ForAll("bits") boolean[] bits) {
        int[] ascending = FeatureMask.of(bits).activeIndices();
        int[] scrambled = new int[ascending.length * 2];
        for (int i = 0; i < ascending.length; i++) {
            scrambled[i] = ascending[ascending.length - 1 - i];
            scrambled[ascending.length + i] = ascending[i];
        }
        assertEquals(FeatureMask.of(bits), FeatureMask.ofIndices(bits.length, scrambled));
    }

    @Property(tries = 500)
    void activeIndicesAreTheAscendingScan(@ForAll("bits") boolean[] bits) {
        FeatureMask mask = FeatureMask.of(bits);
        List<Integer> scan = new ArrayList<>();
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                scan.add(i);
            }
        }
        int[] expected = scan.stream().mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, mask.activeIndices());
        assertEquals(expected.length, mask.activeCount());
        assertEquals(bits.length == 0 ? 0.0 : (double) expected.length / bits.length, mask.activeFraction());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], mask.activeIndex(i));
        }
        List<Integer> visited = new ArrayList<>();
        mask.forEachActive(visited::add);
        assertEquals(scan, visited);
        for (int i = 0; i < bits.length; i++) {
            assertEquals(bits[i], mask.isActive(i), "feature " + i);
        }
    }

    @Property(tries = 300)
    void activeIndicesReturnsAFreshArray(@ForAll("bits") boolean[] bits) {
        FeatureMask mask = FeatureMask.of(bits);
        Assume.that(mask.activeCount() > 0);
        int first = mask.activeIndex(0);
        mask.activeIndices()[0] = -7;
        assertEquals(first, mask.activeIndices()[0]);
        assertEquals(first, mask.activeIndex(0));
    }

    @Property(tries = 300)
    void bitStringRoundTrips(@ForAll("bits") boolean[] bits) {
        FeatureMask mask = FeatureMask.of(bits);
        String string = mask.toBitString();
        assertEquals(bits.length, string.length());
        assertEquals(mask, FeatureMask.parse(string));
        assertEquals(string, FeatureMask.parse(string).toBitString());
    }

    @Property(tries = 300)
    void copyingTheInputDecouplesTheMask(@ForAll("bits") boolean[] bits) {
        FeatureMask mask = FeatureMask.of(bits);
        String before = mask.toBitString();
        for (int i = 0; i < bits.length; i++) {
            bits[i] = !bits[i];
        }
        assertEquals(before, mask.toBitString());
    }

    @Property(tries = 300)
    void fingerprintFollowsItsDocumentedDefinition(@ForAll("bits") boolean[] bits) {
        assertEquals(SplitMix64Reference.fingerprint(bits), FeatureMask.of(bits).fingerprint());
    }

    @Property(tries = 300)
    void equalMasksHaveEqualFingerprintsAndHashCodes(@ForAll("bits") boolean[] bits) {
        FeatureMask a = FeatureMask.of(bits);
        FeatureMask b = FeatureMask.parse(a.toBitString());
        assertEquals(a, b);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Property(tries = 2000)
    void distinctMasksHaveDistinctFingerprints(@ForAll("bits") boolean[] x, @ForAll("bits") boolean[] y) {
        FeatureMask a = FeatureMask.of(x);
        FeatureMask b = FeatureMask.of(y);
        Assume.that(!a.equals(b));
        assertNotEquals(a.fingerprint(), b.fingerprint(), a + " vs " + b);
        assertNotEquals(a, b);
    }

    @Property(tries = 100)
    void flippingAnyOneBitChangesEqualityAndFingerprint(@ForAll("bits") boolean[] bits) {
        FeatureMask mask = FeatureMask.of(bits);
        for (int i = 0; i < bits.length; i++) {
            bits[i] = !bits[i];
            FeatureMask flipped = FeatureMask.of(bits);
            bits[i] = !bits[i];
            assertNotEquals(mask, flipped, "flipping feature " + i);
            assertNotEquals(mask.fingerprint(), flipped.fingerprint(), "flipping feature " + i);
        }
    }
}
