package io.quarkiverse.airlock.it.docs;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

/** The samples' tests that watch the audit handlers: each test starts with none of their calls recorded. */
abstract class AuditedTest {

    @Inject
    AuditTasks audit;

    @BeforeEach
    void clearAudit() {
        audit.clear();
    }
}
