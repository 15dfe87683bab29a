package io.quarkiverse.airlock.it.docs;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

// tag::handlers[]
public class AuditTasks { // no scope annotation: Airlock makes the class a @Singleton bean

    @AirlockTask("audit.record") // task name: "audit.record"
    void record(String event, Long orderId) {
        remember("audit.record", event, orderId); // a real handler writes an audit table, calls an API...
    }

    @AirlockTask // task name: the method name, "paymentDeclined"
    @AirlockScope // the handler enqueues, so it runs in a scope of its own
    void paymentDeclined(long orderId) {
        remember("paymentDeclined", orderId);
        Airlock.enqueue("audit.record", "payment declined", orderId);
    }
    // end::handlers[]

    @AirlockTask("audit.fail")
    void fail(String reason) {
        remember("audit.fail", reason);
        throw new IllegalStateException(reason);
    }

    /** What a handler saw when it ran. */
    public record Call(String task, List<Object> args, Thread thread, Context context, boolean inTransaction) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();

    private void remember(String task, Object... args) {
        calls.add(new Call(task, Arrays.asList(args), Thread.currentThread(), Vertx.currentContext(),
                QuarkusTransaction.isActive()));
    }

    /** The calls as text: {@code task[arg, arg]}. */
    List<String> names() {
        return calls.stream().map(call -> call.task() + call.args()).toList();
    }

    void clear() {
        calls.clear();
    }
    // tag::handlers[]
}
// end::handlers[]
