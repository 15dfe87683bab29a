package io.quarkiverse.airlock.it.reentrancy;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.BlockTasks;

/**
 * Task handlers that enqueue further intents. A handler runs after its scope has flushed, so it has a scope of its
 * own only when it asks for one.
 */
@ApplicationScoped
public class ReentrantTasks {

    /** Has no scope: its enqueue fails. */
    @AirlockTask
    void followUpWithoutScope(String id) {
        Airlock.enqueue("record", id, 1);
    }

    /** Its intents form their own unit of work, flushed when it returns. */
    @AirlockTask
    @AirlockScope
    void followUpInOwnScope(String id) {
        Airlock.enqueue("record", id, 1);
    }

    /** Would run forever if it could re-enqueue itself; the local policy drops the attempt. */
    // tag::renew[]
    @AirlockTask
    @AirlockScope
    void renew(String id, int round) {
        Airlock.enqueue("record", id, round);
        Airlock.policy(new BlockTasks("renew"), () -> Airlock.enqueue("renew", id, round + 1)); // dropped at flush
    }
    // end::renew[]
}
