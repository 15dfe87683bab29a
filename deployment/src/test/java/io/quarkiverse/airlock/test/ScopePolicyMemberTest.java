package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @AirlockScope(policy = ...)} selects the scope policy: a built-in, a CDI bean (with its injected state), a
 * plain class with a no-arg constructor, or a {@code BlockTasks} subclass. Without the member the configured default
 * ({@code AllowAll}) applies.
 */
public class ScopePolicyMemberTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class, Service.class, Switch.class,
                    SwitchPolicy.class, OnlyAudit.class, NoEmails.class, JobBase.class, AllowingJob.class,
                    DroppingJob.class));

    @Inject
    Service service;

    @Inject
    Handlers handlers;

    @Inject
    Switch mailSwitch;

    @Inject
    SwitchPolicy switchPolicy;

    @Inject
    AllowingJob allowingJob;

    @Inject
    DroppingJob droppingJob;

    @BeforeEach
    void clear() {
        handlers.clear();
        mailSwitch.reset();
    }

    @AfterEach
    void noScopeLeft() {
        assertThat(Airlock.currentScope()).isEmpty();
    }

    @Test
    void withoutTheMemberTheConfiguredDefaultApplies() {
        service.defaults();
        assertThat(handlers.calls).containsExactly("record:default", "email:default", "audit:default");
        Scope scope = onlyScope();
        assertThat(scope.policy()).isInstanceOf(AllowAll.class);
        assertThat(scope.isFlushed()).isTrue();
    }

    @Test
    void dropAllDispatchesNothing() {
        service.dropAll();
        assertThat(handlers.calls).isEmpty();
        Scope scope = onlyScope();
        assertThat(scope.policy()).isInstanceOf(DropAll.class);
        assertThat(scope.isFlushed()).as("DropAll flushes (nothing escapes), it does not discard").isTrue();
        assertThat(describe(scope.intents())).containsExactly("record:drop", "email:drop", "audit:drop");
    }

    @Test
    void aPolicyBeanIsUsedWithItsInjectedState() {
        service.switched("closed");
        assertThat(handlers.calls).containsExactly("record:closed", "audit:closed");
        assertThat(onlyScope().policy()).isInstanceOf(SwitchPolicy.class);
        assertThat(mailSwitch.asked).as("the policy bean consulted the injected Switch bean").hasValue(1);

        handlers.scopes.clear();
        mailSwitch.open = true;
        service.switched("open");
        assertThat(handlers.calls).containsExactly("record:closed", "audit:closed", "record:open", "email:open",
                "audit:open");
        assertThat(mailSwitch.asked).hasValue(2);
    }

    @Test
    void thePolicyBeanIsTheContainersInstance() {
        switchPolicy.resetSeen();
        service.switched("seen");
        // the injected client proxy and the scope's policy reach the same contextual instance
        assertThat(switchPolicy.seen()).containsExactly("record:seen", "email:seen", "audit:seen");
    }

    @Test
    void aPlainClassWithANoArgConstructorIsInstantiated() {
        service.onlyAudit();
        assertThat(handlers.calls).containsExactly("audit:plain");
        assertThat(onlyScope().policy()).isInstanceOf(OnlyAudit.class);
    }

    @Test
    void aBlockTasksSubclassBlocksOnlyTheNamedTask() {
        service.noEmails();
        assertThat(handlers.calls).containsExactly("record:block", "audit:block");
        Policy policy = onlyScope().policy();
        assertThat(policy).isInstanceOf(NoEmails.class);
        assertThat(((BlockTasks) policy).blockedTasks()).containsExactly("email");
    }

    @Test
    void aClassLevelPolicyAppliesPerBeanToInheritedMethods() {
        // AllowingJob and DroppingJob share the method run(), declared in their common superclass JobBase; each bean's
        // own class-level @AirlockScope decides its policy, whichever bean is called first
        allowingJob.run("allowing");
        assertThat(onlyScope().policy()).isInstanceOf(AllowAll.class);
        assertThat(handlers.calls).containsExactly("record:allowing");

        handlers.scopes.clear();
        droppingJob.run("dropping");
        assertThat(onlyScope().policy()).as("the policy of DroppingJob's @AirlockScope").isInstanceOf(DropAll.class);
        assertThat(handlers.calls).containsExactly("record:allowing");
    }

    private Scope onlyScope() {
        assertThat(handlers.scopes).hasSize(1);
        return handlers.scopes.get(0);
    }

    private static List<String> describe(List<Intent> intents) {
        return intents.stream().map(intent -> intent.name() + ":" + intent.args().get(0)).collect(Collectors.toList());
    }

    @Singleton
    public static class Handlers {

        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Scope> scopes = new CopyOnWriteArrayList<>();

        @AirlockTask
        void record(String id) {
            calls.add("record:" + id);
        }

        @AirlockTask
        void email(String id) {
            calls.add("email:" + id);
        }

        @AirlockTask
        void audit(String id) {
            calls.add("audit:" + id);
        }

        void clear() {
            calls.clear();
            scopes.clear();
        }

        void enqueueAll(String id) {
            scopes.add(Airlock.currentScope().orElseThrow(() -> new AssertionError("no current scope")));
            Airlock.enqueue("record", id);
            Airlock.enqueue("email", id);
            Airlock.enqueue("audit", id);
        }
    }

    @ApplicationScoped
    public static class Service {

        @Inject
        Handlers handlers;

        @AirlockScope
        public void defaults() {
            handlers.enqueueAll("default");
        }

        @AirlockScope(policy = DropAll.class)
        public void dropAll() {
            handlers.enqueueAll("drop");
        }

        @AirlockScope(policy = SwitchPolicy.class)
        public void switched(String id) {
            handlers.enqueueAll(id);
        }

        @AirlockScope(policy = OnlyAudit.class)
        public void onlyAudit() {
            handlers.enqueueAll("plain");
        }

        @AirlockScope(policy = NoEmails.class)
        public void noEmails() {
            handlers.enqueueAll("block");
        }
    }

    /** Application state a policy bean depends on. */
    @Singleton
    public static class Switch {

        volatile boolean open;
        final AtomicInteger asked = new AtomicInteger();

        boolean mailAllowed() {
            asked.incrementAndGet();
            return open;
        }

        void reset() {
            open = false;
            asked.set(0);
        }
    }

    /** A policy bean with injected state: e-mails escape only while the switch is open. */
    @ApplicationScoped
    public static class SwitchPolicy implements Policy {

        @Inject
        Switch mailSwitch;

        private final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public boolean allows(Intent intent) {
            seen.add(intent.name() + ":" + intent.args().get(0));
            return !intent.name().equals("email") || mailSwitch.mailAllowed();
        }

        public List<String> seen() {
            return List.copyOf(seen);
        }

        public void resetSeen() {
            seen.clear();
        }
    }

    /** No bean annotation: Airlock creates it through its no-arg constructor. */
    public static class OnlyAudit implements Policy {

        public OnlyAudit() {
        }

        @Override
        public boolean allows(Intent intent) {
            return intent.name().equals("audit");
        }
    }

    public static class NoEmails extends BlockTasks {

        NoEmails() {
            super("email");
        }
    }

    /** Not a bean: the common superclass of two beans with different class-level policies. */
    public static class JobBase {

        @Inject
        Handlers handlers;

        public void run(String id) {
            handlers.scopes.add(Airlock.currentScope().orElseThrow(() -> new AssertionError("no current scope")));
            Airlock.enqueue("record", id);
        }
    }

    @AirlockScope
    @Singleton
    public static class AllowingJob extends JobBase {
    }

    @AirlockScope(policy = DropAll.class)
    @Singleton
    public static class DroppingJob extends JobBase {
    }
}
