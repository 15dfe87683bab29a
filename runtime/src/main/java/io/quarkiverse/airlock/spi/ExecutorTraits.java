package io.quarkiverse.airlock.spi;

import io.quarkiverse.airlock.IntentExecutor;

/**
 * What the core must know of an executor to treat its intents right, as one value: whether enqueue checks them against
 * the task handlers, whether a handler must exist here, whether dispatch belongs inside the flushing transaction, and
 * whether it only hands intents to another thread. Read once per scope, not per intent. Airlock's own executors
 * derive theirs from {@link #IN_PROCESS} with the methods below.
 *
 * @param checksTasks whether intents are checked against the task handlers at enqueue, so mistakes fail at the call
 *        site
 * @param requiresLocalHandler whether a named intent must have a handler in this process. False where another node may
 *        consume it (the event bus, a shared messaging channel), which still checks the arguments of the tasks known
 *        here
 * @param joinsTransaction whether dispatch happens inside the transaction the scope flushes in (the outbox writes its
 *        rows there) instead of after its commit
 * @param handsOff whether dispatch only hands the intent to another thread, so that nothing of it runs in the
 *        dispatching thread: after a commit, such a dispatch needs no suspension of the finished transaction
 */
public record ExecutorTraits(boolean checksTasks, boolean requiresLocalHandler, boolean joinsTransaction,
        boolean handsOff) {

    /** An executor that is not Airlock's own receives every intent as it is: nothing is checked at enqueue. */
    public static final ExecutorTraits CUSTOM = new ExecutorTraits(false, false, false, false);

    /** Airlock's own executor that runs handlers of this process in the dispatching thread. */
    public static final ExecutorTraits IN_PROCESS = new ExecutorTraits(true, true, false, false);

    public static ExecutorTraits of(IntentExecutor executor) {
        return executor instanceof BuiltinExecutor ? ((BuiltinExecutor) executor).traits() : CUSTOM;
    }

    /** These traits, for an executor whose intents another node may handle. */
    public ExecutorTraits withLocalHandlerRequired(boolean required) {
        return new ExecutorTraits(checksTasks, required, joinsTransaction, handsOff);
    }

    /** These traits, for an executor that only hands intents to other threads. */
    public ExecutorTraits handingOff() {
        return new ExecutorTraits(checksTasks, requiresLocalHandler, joinsTransaction, true);
    }

    /** These traits, for an executor whose dispatch belongs inside the flushing transaction. */
    public ExecutorTraits joiningTransaction() {
        return new ExecutorTraits(checksTasks, requiresLocalHandler, true, handsOff);
    }
}
