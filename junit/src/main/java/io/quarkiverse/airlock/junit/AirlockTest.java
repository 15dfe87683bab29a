package io.quarkiverse.airlock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Policy;

/**
 * Runs each test method inside its own Airlock scope, so that code the test calls can enqueue without a scope of its
 * own and the test can look at what it enqueued. A test method can declare a {@link CapturedIntents} parameter to get
 * the scope's intents, and what the application dispatched, dropped or discarded elsewhere while the test ran.
 * <p>
 * The scope is opened on the thread that runs the test, after the {@code @BeforeEach} methods, and ended before the
 * {@code @AfterEach} methods: flushed (through its policy) when the test method passed, discarded when it failed. Code
 * that enqueues in {@code @BeforeEach} or {@code @AfterEach} needs a scope of its own.
 * Requests served on other threads, over HTTP for instance, open their own scopes; see {@link CapturedIntents#dispatched()}.
 * <p>
 * On a class, every test method gets a scope; on a method, only that one, and its {@link #policy()} wins over the
 * class's.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@ExtendWith(AirlockTestExtension.class)
public @interface AirlockTest {

    /**
     * The policy of the test's scope. {@link DropAll} (the default) lets nothing escape and keeps every intent for the
     * test to inspect. The class must be a CDI bean of the running application or have a no-arg constructor.
     */
    Class<? extends Policy> policy() default DropAll.class;
}
