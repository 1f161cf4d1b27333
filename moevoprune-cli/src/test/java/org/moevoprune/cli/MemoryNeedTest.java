package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The heap estimate's arithmetic, its -Xmx spelling and the messages built from it. */
class MemoryNeedTest {

    private static final long MIB = 1 << 20;

    @Test
    void theEstimateIsTheMarginTimesFixedPartDataAndHeads() {
        MemoryNeed need = new MemoryNeed(1000, 200, 300, 100, 10, 50, 32, 2);
        // data 4·100·(1000 + 2·200 + 300) = 680,000 B; head 4·(100·50 + 50·10) = 22,000 B, 32 + 4·2 of them
        long sum = 24L * MIB + 680_000 + 22_000L * 40;
        assertEquals((long) Math.ceil(1.1 * sum), need.bytes());
    }

    @Test
    void theEstimateCoversTheMeasuredSmallestHeaps() {
        // README, "Reliability": the smallest -Xmx that passed, population 30, 1 thread, 10 classes, 512 units
        assertBetween(19, new MemoryNeed(600, 100, 100, 64, 10, 512, 32, 1), 2.0);
        assertBetween(148, new MemoryNeed(6000, 1000, 1000, 1280, 10, 512, 32, 1), 1.3);
        assertBetween(306, new MemoryNeed(6000, 1000, 1000, 1280, 10, 512, 92, 1), 1.3);
        assertBetween(904, new MemoryNeed(60000, 10000, 10000, 2048, 10, 512, 32, 1), 1.3);
    }

    private static void assertBetween(long measuredMib, MemoryNeed need, double most) {
        double ratio = need.bytes() / (double) (measuredMib * MIB);
        assertTrue(ratio >= 1 && ratio <= most, need + ": " + ratio);
    }

    @Test
    void largeDataDoNotOverflow() {
        MemoryNeed need = new MemoryNeed(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 1 << 20, 65_536,
                4096, 1000, 64);
        assertTrue(need.bytes() > 4L * (1 << 20) * 3 * (long) Integer.MAX_VALUE, need.xmx());
    }

    @Test
    void xmxRoundsUpToWholeSixtyFourMebibytesAndSpellsGigabytes() {
        assertEquals("64m", MemoryNeed.xmx(1));
        assertEquals("64m", MemoryNeed.xmx(64 * MIB));
        assertEquals("128m", MemoryNeed.xmx(64 * MIB + 1));
        assertEquals("1g", MemoryNeed.xmx(1024 * MIB));
        assertEquals("1088m", MemoryNeed.xmx(1024 * MIB + 1));
        assertEquals("3g", MemoryNeed.xmx(3L * 1024 * MIB - 5 * MIB));
    }

    @Test
    void theRefusalGivesTheNeedTheLimitAndBothWaysToRaiseIt() {
        MemoryNeed need = new MemoryNeed(60_000, 10_000, 10_000, 2048, 10, 512, 32, 1);
        String line = need.refusal(700 * MIB);
        assertTrue(line.startsWith("this run needs about " + MemoryNeed.mib(need.bytes()) + " of Java heap "
                + "(features 60000+10000+10000 x 2048, 10 classes, 512 hidden units, 32 heads kept, 1 thread) but the "
                + "heap limit is 700 MiB: run java with -Xmx" + need.xmx() + " (java -Xmx" + need.xmx() + " -jar "
                + "moevoprune.jar ...) or set JAVA_TOOL_OPTIONS=-Xmx" + need.xmx()), line);
        assertTrue(line.endsWith("; --skip-memory-check starts it anyway"), line);
    }

    @Test
    void outOfMemorySaysWhatWasKeptAtEachStage() {
        Path dir = Path.of("results");
        MemoryNeed need = new MemoryNeed(100, 10, 10, 10, 2, 4, 4, 1);
        String xmx = "640m"; // 24 MiB fixed + twice the 300 MiB of files, rounded up to 64 MiB
        assertEquals("out of memory while reading the feature files (heap limit 256 MiB, feature files 300 MiB on "
                + "disk): nothing was written; rerun with more heap: run java with -Xmx" + xmx + " (java -Xmx" + xmx
                + " -jar moevoprune.jar ...) or set JAVA_TOOL_OPTIONS=-Xmx" + xmx,
                MemoryNeed.outOfMemory(null, MemoryNeed.Stage.READING, 300 * MIB, 256 * MIB, dir));
        String search = MemoryNeed.outOfMemory(need, MemoryNeed.Stage.SEARCH, 0, 256 * MIB, dir);
        assertTrue(search.contains("during the search (heap limit 256 MiB, estimated need "
                + MemoryNeed.mib(need.bytes()) + "): the checkpoints in results keep every finished step; rerun the "
                + "same command with --resume and more heap: run java with -Xmx384m"), search);
        assertTrue(MemoryNeed.outOfMemory(need, MemoryNeed.Stage.REPORT, 0, 256 * MIB, dir).contains("the search "
                + "finished and front.csv, front.json and history.csv are written in results; for the report rerun"));
    }
}
