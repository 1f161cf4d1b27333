/**
 * Contract test kits: abstract JUnit 5 classes that check a plugin against what the api documents, published as the
 * {@code moevoprune-api} test-jar (this package only; it depends on the api and JUnit 5, nothing else).
 *
 * <ul>
 *   <li>{@link org.moevoprune.api.testkit.SparseHeadContract}: a {@link org.moevoprune.api.SparseHead} learns,
 *       matches a double-precision oracle, follows the documented SGD update, starts from the shared initial
 *       weights, handles the empty mask, stops early and restores, restores saved heads, trains concurrently and
 *       reproducibly, and rejects bad input;</li>
 *   <li>{@link org.moevoprune.api.testkit.PopulationHeadContract}: a {@link org.moevoprune.api.PopulationHead}
 *       passes all of that and gives each member of a population the head training it alone gives (members that
 *       repeat, an empty mask, members that stop at different epochs), in member order;</li>
 *   <li>{@link org.moevoprune.api.testkit.ObjectiveContract}: an {@link org.moevoprune.api.Objective} has a stable id
 *       and direction, values within its bounds, the same value for the same candidate, is thread-safe, and
 *       refuses a context without out-of-distribution samples exactly when it needs them;</li>
 *   <li>{@link org.moevoprune.api.testkit.EnsembleContract}: an {@link org.moevoprune.api.Ensemble} refuses no
 *       members or mismatched ones, and returns a classifier of the members' shape whose scores sum to 1, whose
 *       predictions are their argmax, and which reproduces a lone member;</li>
 *   <li>{@link org.moevoprune.api.testkit.BackboneContract}: a {@link org.moevoprune.api.Backbone} serves the
 *       training split with labels, features of its dimension, the same values on every (and concurrent) call, and
 *       refuses splits it does not serve.</li>
 * </ul>
 *
 * <p>Usage: add the test-jar to the plugin's tests,
 * <pre>{@code
 * <dependency>
 *   <groupId>org.moevoprune</groupId>
 *   <artifactId>moevoprune-api</artifactId>
 *   <version>${moevoprune.version}</version>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 * then extend a kit and return the plugin from its factory method; every inherited test runs:
 * <pre>{@code
 * class MacroF1ContractTest extends ObjectiveContract {
 *     @Override
 *     protected Objective objective() {
 *         return new MacroF1();
 *     }
 * }
 * }</pre>
 * {@link org.moevoprune.api.testkit.SparseHeadContract#provider()},
 * {@link org.moevoprune.api.testkit.EnsembleContract#ensemble(int)} and
 * {@link org.moevoprune.api.testkit.BackboneContract#backbone()} work the same way; a head backend may widen
 * {@link org.moevoprune.api.testkit.SparseHeadContract#tolerance()}. Several kits in one test class: JUnit 5
 * {@code @Nested} inner classes, as {@code moevoprune-core} does for its objectives, ensembles and backbones.
 *
 * <p>The helpers the kits use are public for plugin tests too: {@link org.moevoprune.api.testkit.SyntheticData}
 * (Gaussian blob problems), {@link org.moevoprune.api.testkit.ReferenceHead} (a double-precision dense oracle),
 * {@link org.moevoprune.api.testkit.LoopHead} (a head over fixed weights) and
 * {@link org.moevoprune.api.testkit.KitContext} (a plain evaluation context).
 */
package org.moevoprune.api.testkit;
