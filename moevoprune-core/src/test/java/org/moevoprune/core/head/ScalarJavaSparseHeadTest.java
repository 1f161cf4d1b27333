package org.moevoprune.core.head;

import org.moevoprune.api.SparseHead;

/** The contract suite on the pure-Java head with the portable scalar kernel (the one users get without the Vector API). */
class ScalarJavaSparseHeadTest extends SparseHeadContractTest {

    @Override
    protected SparseHead provider() {
        return new JavaSparseHead(new ScalarKernel());
    }
}
