package org.moevoprune.core.io;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.testkit.BackboneContract;
import org.moevoprune.api.testkit.SyntheticData;

/** The api's {@link BackboneContract} on the feature-file backbone and on the cache decorator over it. */
class BackboneContractsTest {

    private static final SyntheticData.Problem PROBLEM = SyntheticData.blobs(3, 30, 20, 8, 2, 3, 2.0);

    @TempDir
    Path directory;

    @Nested
    class InMemoryFeatureFileBackboneContract extends BackboneContract {
        @Override
        protected Backbone backbone() {
            return FeatureFileBackbone.inMemory("blobs", PROBLEM.train(), PROBLEM.test(), PROBLEM.ood());
        }
    }

    @Nested
    class TrainOnlyFeatureFileBackboneContract extends BackboneContract {
        @Override
        protected Backbone backbone() {
            return FeatureFileBackbone.builder().id("train-only").split(DataSplit.TRAIN, PROBLEM.train()).build();
        }
    }

    @Nested
    class CachedBackboneContract extends BackboneContract {
        @Override
        protected Backbone backbone() {
            return CachedBackbone.of(FeatureFileBackbone.inMemory("blobs", PROBLEM.train(), PROBLEM.test(),
                    PROBLEM.ood()), FeatureCache.in(directory.resolve("cache")));
        }
    }
}
