package io.quarkiverse.airlock.it.isolation;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

/** A test that reads what the {@link DispatchLog} recorded: each test starts with nothing recorded. */
public abstract class DispatchLogTest {

    @Inject
    protected DispatchLog log;

    @BeforeEach
    void forgetDispatches() {
        log.clear();
    }
}
