package org.moevoprune.core.head;

import org.moevoprune.api.SparseHead;
import org.moevoprune.api.testkit.SparseHeadContract;

/** The contract suite on the pure-Java head with the portable scalar kernel (the one users get without the Vector API). */
class ScalarJavaSparseHeadTest extends SparseHeadContract {

    @Override
    protected SparseHead provider() {
        return new JavaSparseHead(new ScalarKernel());
    }
}
