package io.quarkiverse.airlock.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Scope;

/**
 * A thread finds its scope state in a slot of a shared table before its thread-local. Threads whose ids share a slot
 * must still never see each other's scopes, and a slot must not stay with a thread that has ended.
 */
@Timeout(30)
class ThreadStateSlotsTest {

    private final ScopeHolder holder = AirlockHooks.threadLocalScopes();

    @Test
    void aThreadWithAFreeSlotFindsItsOwnStateThere() throws Exception {
        Worker worker = Worker.onAFreeSlot();
        AtomicReference<ScopeState> seen = new AtomicReference<>();
        AtomicReference<ScopeState> again = new AtomicReference<>();
        worker.run(() -> {
            seen.set(holder.current());
            again.set(holder.current());
        });

        assertThat(seen.get().owner()).isSameAs(worker.thread);
        assertThat(again.get()).as("the same state on every look-up").isSameAs(seen.get());
        assertThat(ThreadStateSlots.inSlot(worker.slot())).isSameAs(seen.get());
    }

    @Test
    void twoLiveThreadsSharingASlotKeepTheirOwnScopesAndTheFirstKeepsTheSlot() throws Exception {
        Worker first = Worker.onAFreeSlot();
        Worker second = Worker.on(first.slot());
        List<Intent> firstDispatched = new ArrayList<>();
        List<Intent> secondDispatched = new ArrayList<>();
        CountDownLatch firstInScope = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CountDownLatch secondChecked = new CountDownLatch(1);
        AtomicReference<ScopeState> secondState = new AtomicReference<>();

        first.start(() -> {
            Scope scope = new Scope(new AllowAll(), firstDispatched::add).enter();
            Airlock.enqueue("first.before", 1);
            firstInScope.countDown();
            await(secondChecked);
            // the second thread entered and left a scope meanwhile: this one is still current here
            Airlock.enqueue("first.after", 2);
            scope.exit();
            scope.flush();
        });
        second.start(() -> {
            await(firstInScope);
            assertThat(Airlock.currentScope()).as("the first thread's scope is not the second's").isEmpty();
            Scope scope = new Scope(new AllowAll(), secondDispatched::add).enter();
            Airlock.enqueue("second", 3);
            scope.exit();
            scope.flush();
            secondState.set(holder.current());
            secondDone.countDown();
        });
        await(secondDone);
        boolean secondInSlotWhileFirstLives = ThreadStateSlots.find(second.thread) != null;
        secondChecked.countDown();
        second.join();
        first.join();

        assertThat(firstDispatched).extracting(Intent::name).containsExactly("first.before", "first.after");
        assertThat(secondDispatched).extracting(Intent::name).containsExactly("second");
        assertThat(secondState.get().owner()).isSameAs(second.thread);
        assertThat(secondInSlotWhileFirstLives).as("the slot stays with the first thread while it lives").isFalse();
        assertThat(ThreadStateSlots.inSlot(first.slot()).owner()).isSameAs(first.thread);
    }

    @Test
    void theSlotOfAThreadThatHasEndedGoesToTheNextThreadOnIt() throws Exception {
        Worker ended = Worker.onAFreeSlot();
        ended.run(holder::current);
        assertThat(ThreadStateSlots.inSlot(ended.slot()).owner()).isSameAs(ended.thread);

        Worker next = Worker.on(ended.slot());
        AtomicReference<ScopeState> state = new AtomicReference<>();
        next.run(() -> state.set(holder.current()));

        assertThat(state.get().owner()).isSameAs(next.thread);
        assertThat(ThreadStateSlots.inSlot(ended.slot())).isSameAs(state.get());
    }

    /** A thread chosen by its slot before it is given its body. */
    private static final class Worker {
        private final AtomicReference<Runnable> body = new AtomicReference<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread thread = new Thread(() -> {
            try {
                body.get().run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });

        /** A new thread whose slot is empty or held by a thread that has ended. */
        static Worker onAFreeSlot() {
            for (int i = 0; i < 10 * ThreadStateSlots.SLOTS; i++) {
                Worker worker = new Worker();
                ScopeState holder = ThreadStateSlots.inSlot(worker.slot());
                if (holder == null || !holder.owner().isAlive()) {
                    return worker;
                }
            }
            throw new IllegalStateException("every slot is held by a live thread");
        }

        /** A new thread whose id falls on {@code slot}. */
        static Worker on(int slot) {
            for (int i = 0; i < 10 * ThreadStateSlots.SLOTS; i++) {
                Worker worker = new Worker();
                if (worker.slot() == slot) {
                    return worker;
                }
            }
            throw new IllegalStateException("no new thread on slot " + slot);
        }

        int slot() {
            return ThreadStateSlots.slotOf(thread);
        }

        void start(Runnable work) {
            body.set(work);
            thread.start();
        }

        void join() throws Exception {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(thread.isAlive()).as("%s ended", thread).isFalse();
            if (failure.get() != null) {
                throw new AssertionError("failed on " + thread, failure.get());
            }
        }

        void run(Runnable work) throws Exception {
            start(work);
            join();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
