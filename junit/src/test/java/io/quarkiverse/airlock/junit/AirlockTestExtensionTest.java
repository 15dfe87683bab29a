package io.quarkiverse.airlock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockDefaults;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.AssertNoEffects;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.PolicyViolationException;
import io.quarkiverse.airlock.Scope;

/**
 * Runs small test classes through the JUnit engine and checks what {@link AirlockTest} did around each test. The
 * fixture classes are nested and not named *Test, so the build runs them only through this class.
 */
class AirlockTestExtensionTest {

    /** What the fixtures saw, in order: test and lifecycle methods append to it. */
    static final List<String> SEEN = new ArrayList<>();
    /** What the recording executor received. */
    static final List<Intent> DISPATCHED = new ArrayList<>();
    /** The scopes the fixtures ran in, to check how they ended. */
    static final List<Scope> SCOPES = new ArrayList<>();

    @BeforeEach
    void reset() {
        SEEN.clear();
        DISPATCHED.clear();
        SCOPES.clear();
        Airlock.configure(AirlockDefaults.builder().executor(DISPATCHED::add).build());
    }

    @AfterEach
    void noScopeSurvives() {
        Airlock.resetConfiguration();
        assertThat(Airlock.currentScope()).isEmpty();
        assertThat(Airlock.openScopes()).isZero();
    }

    @Test
    void eachTestRunsInItsOwnDropAllScopeAndSeesItsIntents() {
        Events tests = run(DefaultPolicy.class);

        tests.assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(SEEN).containsExactly("first: [notifyWarehouse(1)]", "second: [notifyWarehouse(2)]");
        assertThat(SCOPES).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(scope -> {
                    assertThat(scope.policy()).isInstanceOf(DropAll.class);
                    assertThat(scope.isFlushed()).as("a passing test flushes its scope").isTrue();
                });
        assertThat(DISPATCHED).isEmpty();
    }

    @Test
    void theScopeIsOpenAfterBeforeEachAndClosedBeforeAfterEach() {
        runPassingTest(Lifecycle.class);

        assertThat(SEEN).containsExactly("beforeEach: no scope", "test: scope", "afterEach: no scope");
    }

    @Test
    void theMethodPolicyWinsOverTheClassPolicy() {
        run(MethodOverridesClass.class).assertStatistics(stats -> stats.succeeded(2));

        assertThat(SCOPES).extracting(scope -> scope.policy().getClass().getSimpleName())
                .containsExactlyInAnyOrder("AllowAll", "AssertNoEffects");
    }

    @Test
    void nestedClassesInheritThePolicyOfTheEnclosingClass() {
        runPassingTest(Enclosing.class);

        assertThat(SCOPES).singleElement().extracting(Scope::policy).isInstanceOf(AssertNoEffects.class);
    }

    @Test
    void assertNoEffectsRejectsTheEnqueueInsideTheTest() {
        runPassingTest(Pure.class);

        assertThat(SEEN).containsExactly("rejected: true");
    }

    @Test
    void assertNoEffectsFailsATestWhoseCodeOpensItsOwnScope() {
        Events tests = run(PureThroughNestedScope.class);

        tests.assertThatEvents().haveExactly(1, event(test("callsCodeWithItsOwnScope"),
                finishedWithFailure(instanceOf(PolicyViolationException.class), message(m -> m.contains("sendInvoice")))));
    }

    @Test
    void aPassingTestFlushesThroughItsPolicyAndAFailingOneDiscards() {
        Events tests = run(AllowAllEnding.class);

        tests.assertThatEvents().haveExactly(1, event(test("passes"), finishedSuccessfully()))
                .haveExactly(1, event(test("fails"), finishedWithFailure(message("on purpose"))));
        assertThat(DISPATCHED).extracting(Intent::toString).containsExactly("passes(1)");
        assertThat(SCOPES).filteredOn(Scope::isDiscarded).singleElement()
                .satisfies(scope -> assertThat(scope.intents()).extracting(Intent::name).containsExactly("fails"));
    }

    @Test
    void flushInsideTheTestDispatchesThenAndDispatchedReportsIt() {
        runPassingTest(FlushInTest.class);

        assertThat(SEEN).containsExactly("flushed: [sendEmail(\"ada\")]", "dispatched: [sendEmail(\"ada\")]",
                "dropped: [notifyPartner(\"ada\")]", "scope after flush: none");
        assertThat(DISPATCHED).extracting(Intent::toString).containsExactly("sendEmail(\"ada\")");
    }

    @Test
    void intentsOfScopesOnOtherThreadsAreReported() {
        runPassingTest(OtherThread.class);

        assertThat(SEEN).containsExactly("own: []", "dispatched: [fromServer(1)]", "discarded: [fromFailure(2)]");
    }

    @Test
    void recordingStopsWithTheTest() {
        runPassingTest(OtherThread.class);

        Airlock.scope(new AllowAll(), scope -> Airlock.enqueue("afterwards"));

        assertThat(OtherThread.captured.dispatched()).extracting(Intent::name).containsExactly("fromServer");
    }

    @Test
    void aScopeLeftOpenFailsTheTestAndIsCleanedUp() {
        Events tests = run(LeavesScopeOpen.class);

        tests.assertThatEvents().haveExactly(1, event(test("leaves"),
                finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("entered on top")))));
        assertThat(SCOPES).singleElement().satisfies(scope -> assertThat(scope.isDiscarded()).isTrue());
    }

    @Test
    void aPolicyWithoutNoArgConstructorIsAConfigurationError() {
        Events tests = run(UnusablePolicy.class);

        tests.assertThatEvents().haveExactly(1, event(test("neverRuns"),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.contains(NoDefaultConstructor.class.getName())
                                && m.contains("no-arg constructor")))));
        assertThat(SEEN).isEmpty();
    }

    @Test
    void capturedIntentsIsNotAvailableOutsideTestMethods() {
        Events tests = run(ParameterInBeforeEach.class);

        tests.assertThatEvents().haveExactly(1, event(test("test"),
                finishedWithFailure(message(m -> m.contains("only available to test methods")))));
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    /** Runs a fixture class that holds one test, and checks that this test passed. */
    private static void runPassingTest(Class<?> fixture) {
        run(fixture).assertStatistics(stats -> stats.succeeded(1));
    }

    @AirlockTest
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class DefaultPolicy {

        @Test
        void first(CapturedIntents captured) {
            Airlock.enqueue("notifyWarehouse", 1);
            SCOPES.add(captured.scope());
            SEEN.add("first: " + captured.intents());
        }

        @Test
        void second(CapturedIntents captured) {
            Airlock.enqueue("notifyWarehouse", 2);
            SCOPES.add(captured.scope());
            SEEN.add("second: " + captured.intents());
        }
    }

    @AirlockTest
    static class Lifecycle {

        @BeforeEach
        void before() {
            SEEN.add("beforeEach: " + (Airlock.currentScope().isPresent() ? "scope" : "no scope"));
        }

        @Test
        void test() {
            SEEN.add("test: " + (Airlock.currentScope().isPresent() ? "scope" : "no scope"));
        }

        @AfterEach
        void after() {
            SEEN.add("afterEach: " + (Airlock.currentScope().isPresent() ? "scope" : "no scope"));
        }
    }

    @AirlockTest(policy = AllowAll.class)
    static class MethodOverridesClass {

        @Test
        void classPolicy(CapturedIntents captured) {
            SCOPES.add(captured.scope());
        }

        @Test
        @AirlockTest(policy = AssertNoEffects.class)
        void methodPolicy(CapturedIntents captured) {
            SCOPES.add(captured.scope());
        }
    }

    @AirlockTest(policy = AssertNoEffects.class)
    static class Enclosing {

        @Nested
        class Inner {

            @Test
            void test(CapturedIntents captured) {
                SCOPES.add(captured.scope());
            }
        }
    }

    @AirlockTest(policy = AssertNoEffects.class)
    static class Pure {

        @Test
        void rejected() {
            try {
                Airlock.enqueue("notifyWarehouse", 1);
            } catch (PolicyViolationException e) {
                SEEN.add("rejected: " + e.getMessage().contains("'notifyWarehouse'"));
            }
        }
    }

    @AirlockTest(policy = AssertNoEffects.class)
    static class PureThroughNestedScope {

        @Test
        void callsCodeWithItsOwnScope() {
            // code under test that runs its own unit of work, as an @AirlockScope method would
            Airlock.scope(new Scope(new AllowAll(), intent -> {
            }), scope -> Airlock.enqueue("sendInvoice", 7));
        }
    }

    @AirlockTest(policy = AllowAll.class)
    static class AllowAllEnding {

        @Test
        void passes(CapturedIntents captured) {
            SCOPES.add(captured.scope());
            Airlock.enqueue("passes", 1);
        }

        @Test
        void fails(CapturedIntents captured) {
            SCOPES.add(captured.scope());
            Airlock.enqueue("fails", 2);
            throw new IllegalStateException("on purpose");
        }
    }

    public static class NoPartner extends BlockTasks {
        public NoPartner() {
            super("notifyPartner");
        }
    }

    @AirlockTest(policy = NoPartner.class)
    static class FlushInTest {

        @Test
        void test(CapturedIntents captured) {
            Airlock.enqueue("sendEmail", "ada");
            Airlock.enqueue("notifyPartner", "ada");
            SEEN.add("flushed: " + captured.flush());
            SEEN.add("dispatched: " + captured.dispatched());
            SEEN.add("dropped: " + captured.dropped());
            SEEN.add("scope after flush: " + Airlock.currentScope().map(Scope::toString).orElse("none"));
        }
    }

    @AirlockTest
    static class OtherThread {

        static CapturedIntents captured;

        @Test
        void test(CapturedIntents captured) {
            OtherThread.captured = captured;
            // What a server thread does for a request: its own scope, flushed or discarded there.
            CompletableFuture.runAsync(() -> {
                Airlock.scope(new AllowAll(), scope -> Airlock.enqueue("fromServer", 1));
                try {
                    Airlock.scope(new AllowAll(), scope -> {
                        Airlock.enqueue("fromFailure", 2);
                        throw new IllegalStateException("request failed");
                    });
                } catch (IllegalStateException expected) {
                    // the scope was discarded
                }
            }).join();
            SEEN.add("own: " + captured.intents());
            SEEN.add("dispatched: " + captured.dispatched());
            SEEN.add("discarded: " + captured.discarded());
        }
    }

    @AirlockTest
    static class LeavesScopeOpen {

        @Test
        void leaves(CapturedIntents captured) {
            SCOPES.add(captured.scope());
            new Scope().enter();
        }
    }

    static class NoDefaultConstructor extends BlockTasks {
        NoDefaultConstructor(String name) {
            super(name);
        }
    }

    @AirlockTest(policy = NoDefaultConstructor.class)
    static class UnusablePolicy {

        @Test
        void neverRuns() {
            SEEN.add("ran");
        }
    }

    @AirlockTest
    static class ParameterInBeforeEach {

        @BeforeEach
        void before(CapturedIntents captured) {
        }

        @Test
        void test() {
        }
    }
}
