package io.quarkiverse.airlock.it.docs;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;

// tag::queueing[]
/** Selected with quarkus.airlock.executor=queue. Receives every escaping intent as it is. */
@Named("queue")
@ApplicationScoped
public class QueueingExecutor implements IntentExecutor {

    // a real one would hand the intent to a broker client or a job scheduler
    private final BlockingQueue<Intent> pending = new LinkedBlockingQueue<>();

    @Override
    public void dispatch(Intent intent) {
        pending.add(intent);
    }

    public Intent poll() {
        return pending.poll();
    }
}
// end::queueing[]
