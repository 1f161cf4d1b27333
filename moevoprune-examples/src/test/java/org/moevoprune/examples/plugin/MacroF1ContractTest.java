package org.moevoprune.examples.plugin;

import org.moevoprune.api.Objective;
import org.moevoprune.api.testkit.ObjectiveContract;

/** How a plugin checks itself against the api's contract: extend the kit, return the plugin. */
class MacroF1ContractTest extends ObjectiveContract {

    @Override
    protected Objective objective() {
        return new MacroF1();
    }
}
