package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.LogOnFlush;
import io.quarkiverse.airlock.Policy;
import io.quarkus.test.QuarkusUnitTest;

/**
 * When a method is bound to {@code @AirlockScope} both by its own annotation and by a class-level one, the nearest
 * annotation chooses the policy, as {@code @Inherited} does for classes: the method's own, then the bean class's, then
 * its superclasses' in order.
 */
public class InheritedScopeBindingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Recorded.class, Base.class, Child.class,
                    Parent.class, Kid.class, Grandkid.class, Elder.class, Younger.class));

    @Inject
    Recorded recorded;

    @Inject
    Child child;

    @Inject
    Parent parent;

    @Inject
    Kid kid;

    @Inject
    Grandkid grandkid;

    @Inject
    Younger younger;

    @BeforeEach
    void clear() {
        recorded.policies.clear();
    }

    @Test
    void anInheritedMethodsOwnAnnotationWinsOverTheBeanClasses() {
        child.dropping();
        child.plain();
        assertThat(recorded.policies).containsExactly(DropAll.class, AllowAll.class);
    }

    @Test
    void aMethodsOwnAnnotationWinsOverItsClasses() {
        parent.logging();
        parent.run();
        assertThat(recorded.policies).containsExactly(LogOnFlush.class, DropAll.class);
    }

    @Test
    void theBeanClassesAnnotationWinsOverItsSuperclasses() {
        kid.run();
        kid.logging();
        assertThat(recorded.policies).containsExactly(AllowAll.class, LogOnFlush.class);
    }

    @Test
    void theBeanClassesAnnotationWinsWhicheverPolicyEachNames() {
        younger.run();
        assertThat(recorded.policies).containsExactly(DropAll.class);
    }

    @Test
    void withoutAnAnnotationOfItsOwnABeanClassInheritsTheNearestOne() {
        grandkid.run();
        grandkid.logging();
        assertThat(recorded.policies).containsExactly(AllowAll.class, LogOnFlush.class);
    }

    @Singleton
    public static class Recorded {

        final List<Class<? extends Policy>> policies = new CopyOnWriteArrayList<>();

        void current() {
            policies.add(Airlock.currentScope().orElseThrow(() -> new AssertionError("no current scope")).policy()
                    .getClass());
        }
    }

    /** Not a bean: one method with its own binding, one without. */
    public static class Base {

        @Inject
        Recorded recorded;

        @AirlockScope(policy = DropAll.class)
        public void dropping() {
            recorded.current();
        }

        public void plain() {
            recorded.current();
        }
    }

    @AirlockScope
    @Singleton
    public static class Child extends Base {
    }

    @AirlockScope(policy = DropAll.class)
    @Singleton
    public static class Parent {

        @Inject
        Recorded recorded;

        public void run() {
            recorded.current();
        }

        @AirlockScope(policy = LogOnFlush.class)
        public void logging() {
            recorded.current();
        }
    }

    @AirlockScope(policy = AllowAll.class)
    @Singleton
    @Typed(Kid.class)
    public static class Kid extends Parent {
    }

    @Singleton
    @Typed(Grandkid.class)
    public static class Grandkid extends Kid {
    }

    @AirlockScope(policy = AllowAll.class)
    @Singleton
    public static class Elder {

        @Inject
        Recorded recorded;

        public void run() {
            recorded.current();
        }
    }

    @AirlockScope(policy = DropAll.class)
    @Singleton
    @Typed(Younger.class)
    public static class Younger extends Elder {
    }
}
