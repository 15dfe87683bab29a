package io.quarkiverse.airlock.runtime.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.DeadLetterFilter;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.TaskInvoker;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/**
 * The service's snapshots and streams, fed by real scopes in plain Java (the Dev UI test client cannot drive streams).
 */
class AirlockJsonRPCServiceTest {

    /** Runs each intent's action where it is dispatched and swallows what it throws, as an async executor would. */
    private static final IntentExecutor RUN_AND_SWALLOW = new IntentExecutor() {
        @Override
        public void dispatch(Intent intent) {
            try {
                TaskInvoker.run(intent);
            } catch (RuntimeException e) {
                // recorded by the listener as a failure
            }
        }

        @Override
        public String toString() {
            return "run-here";
        }
    };

    private AirlockDevUIListener listener;
    private AirlockJsonRPCService service;

    @BeforeEach
    void install() {
        listener = new AirlockDevUIListener();
        service = new AirlockJsonRPCService(listener, () -> null);
        AirlockHooks.installListeners(List.of(listener));
    }

    @AfterEach
    void uninstall() {
        AirlockHooks.installListeners(null);
    }

    @Test
    void pendingStreamStartsWithTheCurrentStateAndFollowsNestedScopes() {
        AssertSubscriber<List<OpenScope>> pending = service.streamPending()
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        assertThat(pending.getItems()).containsExactly(List.of());

        Airlock.scope(new Scope(new AllowAll(), RUN_AND_SWALLOW).withOrigin("nightly job"), outer -> {
            Airlock.enqueue("sendReport", () -> {
            });
            Airlock.scope(new Scope(new AllowAll(), RUN_AND_SWALLOW).withOrigin("Reports#build"), inner -> {
                Airlock.intent("archive").args("2026-11").option("queue", "slow").enqueue();

                List<OpenScope> now = service.getPending();
                assertThat(now).extracting(OpenScope::origin).containsExactly("nightly job", "Reports#build");
                assertThat(now.get(1).parentId()).isEqualTo(now.get(0).id());
                assertThat(now.get(1).depth()).isEqualTo(1);
                assertThat(now.get(0).intents()).extracting(PendingIntent::name).containsExactly("sendReport");
                PendingIntent archive = now.get(1).intents().get(0);
                assertThat(archive.args()).containsExactly("\"2026-11\"");
                assertThat(archive.options()).containsEntry("queue", "\"slow\"");
                assertThat(now.get(1).executor()).isEqualTo("run-here");
            });
            // the nested scope flushed into this one: its intent waits here now
            assertThat(service.getPending()).singleElement().satisfies(scope -> assertThat(scope.intents())
                    .extracting(PendingIntent::name, PendingIntent::captured)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("sendReport", false),
                            org.assertj.core.groups.Tuple.tuple("archive", true)));
        });

        assertThat(service.getPending()).isEmpty();
        List<List<OpenScope>> seen = pending.getItems();
        assertThat(seen.get(seen.size() - 1)).isEmpty();
        assertThat(seen).anySatisfy(state -> assertThat(state).hasSize(2));
        pending.cancel();
    }

    @Test
    void historyStreamEmitsEachOutcomeAsItHappens() {
        AssertSubscriber<HistoryEntry> history = service.streamHistory()
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

        Airlock.scope(new Scope(new AllowAll(), RUN_AND_SWALLOW), scope -> {
            Airlock.enqueue("ok", () -> {
            });
            Airlock.policy(new BlockTasks("muted"), () -> Airlock.enqueue("muted", () -> {
            }));
            Airlock.enqueue("boom", () -> {
                throw new IllegalStateException("disk full");
            });
        });
        try {
            Airlock.scope(new Scope(new AllowAll(), RUN_AND_SWALLOW), scope -> {
                Airlock.enqueue("lost", () -> {
                });
                throw new IllegalArgumentException("bad input");
            });
        } catch (IllegalArgumentException expected) {
            // discards the scope
        }

        assertThat(history.getItems()).extracting(HistoryEntry::task, HistoryEntry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("muted", Outcome.DROPPED),
                org.assertj.core.groups.Tuple.tuple("ok", Outcome.DISPATCHED),
                org.assertj.core.groups.Tuple.tuple("boom", Outcome.DISPATCHED),
                org.assertj.core.groups.Tuple.tuple("boom", Outcome.FAILED),
                org.assertj.core.groups.Tuple.tuple("lost", Outcome.DISCARDED));
        assertThat(history.getItems().get(3).detail()).contains("disk full");
        assertThat(history.getItems().get(4).detail()).contains("bad input");

        assertThat(service.getHistory("", "")).extracting(HistoryEntry::task)
                .containsExactly("lost", "boom", "boom", "ok", "muted");
        assertThat(service.getHistory("BO", "failed")).singleElement().extracting(HistoryEntry::task).isEqualTo("boom");

        history.cancel();
        Airlock.scope(new Scope(new AllowAll(), RUN_AND_SWALLOW), scope -> Airlock.enqueue("after", () -> {
        }));
        assertThat(history.getItems()).hasSize(5);
    }

    @Test
    void labelsStreamCountsAndSkipRepeats() {
        AssertSubscriber<String> pendingLabel = service.streamPendingCount()
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        AssertSubscriber<String> failedLabel = service.streamFailedCount()
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

        Airlock.scope(new Scope(new AllowAll(), RUN_AND_SWALLOW), scope -> {
            Airlock.enqueue("first", () -> {
            });
            Airlock.enqueue("second", () -> {
                throw new IllegalStateException("nope");
            });
        });

        assertThat(pendingLabel.getItems()).containsExactly("0", "1", "2", "0");
        assertThat(failedLabel.getItems()).containsExactly("0 failed", "1 failed");
        assertThat(service.getCounts()).containsEntry("pending", 0).containsEntry("failed", 1);

        service.clearHistory();
        assertThat(failedLabel.getItems()).containsExactly("0 failed", "1 failed", "0 failed");
    }

    @Test
    void historyKeepsTheNewestOutcomesOnly() {
        for (int i = 0; i < AirlockDevUIListener.HISTORY_SIZE + 20; i++) {
            int n = i;
            Airlock.scope(new Scope(new AllowAll(), RUN_AND_SWALLOW), scope -> Airlock.enqueue("task" + n, () -> {
            }));
        }
        List<HistoryEntry> kept = service.getHistory("", "");
        assertThat(kept).hasSize(AirlockDevUIListener.HISTORY_SIZE);
        assertThat(kept.get(0).task()).isEqualTo("task" + (AirlockDevUIListener.HISTORY_SIZE + 19));
        assertThat(kept.get(kept.size() - 1).task()).isEqualTo("task20");
    }

    @Test
    void anUnknownOutcomeFilterSaysWhichOnesExist() {
        assertThatThrownBy(() -> service.getHistory("", "exploded"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exploded").hasMessageContaining("dispatched");
        assertThat(service.getHistory(null, "rolled-back")).isEmpty();
    }

    @Test
    void withoutTheOutboxThereAreNoDeadLettersAndResubmitSaysHowToEnableIt() {
        assertThat(service.getOutbox()).containsEntry("enabled", false);
        assertThat(service.getDeadLetters()).isEmpty();
        assertThat(service.getHeld()).isEmpty();
        assertThatThrownBy(() -> service.resubmit(UUID.randomUUID().toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quarkus.airlock.outbox.enabled=true");
    }

    @Test
    void deadLettersAreShownSafelyAndCanBeResubmittedOnce() {
        UUID id = UUID.randomUUID();
        String hugeError = "x".repeat(10_000);
        FakeOutbox outbox = new FakeOutbox(new OutboxEntry(id, "notifyPartner", "[42,\"<b>vip</b>\"]", "{}",
                "POST /orders", 5, OffsetDateTime.now(), OutboxEntry.DEAD, hugeError, OffsetDateTime.now()));
        AirlockJsonRPCService withOutbox = new AirlockJsonRPCService(listener, () -> outbox);

        assertThat(withOutbox.getOutbox()).containsEntry("enabled", true).containsEntry("pending", 0L);
        List<DeadLetter> letters = withOutbox.getDeadLetters();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.id()).isEqualTo(id.toString());
            assertThat(letter.task()).isEqualTo("notifyPartner");
            assertThat(letter.args()).contains("<b>vip</b>");
            assertThat(letter.attempts()).isEqualTo(5);
            assertThat(letter.lastError().length()).isLessThan(1_000);
            assertThat(letter.origin()).isEqualTo("POST /orders");
        });

        assertThat(withOutbox.resubmit(id.toString())).isTrue();
        assertThat(withOutbox.getDeadLetters()).isEmpty();
        assertThat(withOutbox.getOutbox()).containsEntry("pending", 1L);
        assertThat(withOutbox.resubmit(id.toString())).as("already resubmitted").isFalse();
        assertThatThrownBy(() -> withOutbox.resubmit("not-an-id")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not-an-id");
    }

    @Test
    void heldRowsAreCountedAndListedApartFromPendingOnesAndCannotBeResubmitted() {
        UUID id = UUID.randomUUID();
        OffsetDateTime heldUntil = OffsetDateTime.parse("2026-12-05T10:15:30Z");
        FakeOutbox outbox = new FakeOutbox(new OutboxEntry(id, "ship", "[\"order-7\"]", "{}", "POST /orders", 0,
                heldUntil, OutboxEntry.HELD, null, heldUntil.minusMinutes(5)));
        AirlockJsonRPCService withOutbox = new AirlockJsonRPCService(listener, () -> outbox);

        assertThat(withOutbox.getOutbox()).containsEntry("pending", 0L).containsEntry("held", 1L);
        assertThat(withOutbox.getHeld()).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(id.toString());
            assertThat(row.task()).isEqualTo("ship");
            assertThat(row.args()).contains("order-7");
            assertThat(row.origin()).isEqualTo("POST /orders");
            assertThat(row.heldUntil()).isEqualTo(heldUntil.toString());
        });
        assertThat(withOutbox.getDeadLetters()).isEmpty();
        assertThat(withOutbox.getRetrying()).isEmpty();
        assertThat(withOutbox.resubmit(id.toString())).as("only dead letters are resubmitted").isFalse();
    }

    /** An outbox holding rows in memory, as the real one holds them in its table. */
    private static final class FakeOutbox implements AirlockOutbox {
        private final List<OutboxEntry> rows = new ArrayList<>();

        FakeOutbox(OutboxEntry... rows) {
            this.rows.addAll(List.of(rows));
        }

        private List<OutboxEntry> withStatus(String status, int limit) {
            return rows.stream().filter(row -> row.status().equals(status)).limit(limit).toList();
        }

        private long count(String status) {
            return withStatus(status, Integer.MAX_VALUE).size();
        }

        @Override
        public long pendingCount() {
            return count(OutboxEntry.PENDING);
        }

        @Override
        public long heldCount() {
            return count(OutboxEntry.HELD);
        }

        @Override
        public long deadLetterCount() {
            return count(OutboxEntry.DEAD);
        }

        @Override
        public List<OutboxEntry> held(int limit) {
            return withStatus(OutboxEntry.HELD, limit);
        }

        @Override
        public List<OutboxEntry> deadLetters(int limit) {
            return withStatus(OutboxEntry.DEAD, limit);
        }

        @Override
        public List<OutboxEntry> retrying(int limit) {
            return rows.stream().filter(row -> row.status().equals(OutboxEntry.PENDING) && row.attempts() > 0
                    && row.lastError() != null).limit(limit).toList();
        }

        @Override
        public Optional<OutboxEntry> find(UUID id) {
            return rows.stream().filter(row -> row.id().equals(id)).findFirst();
        }

        @Override
        public boolean resubmit(UUID id) {
            for (int i = 0; i < rows.size(); i++) {
                OutboxEntry row = rows.get(i);
                if (row.id().equals(id) && row.status().equals(OutboxEntry.DEAD)) {
                    rows.set(i, new OutboxEntry(id, row.task(), row.args(), row.options(), row.origin(), 0,
                            OffsetDateTime.now(), OutboxEntry.PENDING, row.lastError(), row.createdAt()));
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<OutboxEntry> deadLetters(DeadLetterFilter filter, int limit) {
            throw new UnsupportedOperationException("not used by the Dev UI");
        }

        @Override
        public int resubmit(DeadLetterFilter filter) {
            throw new UnsupportedOperationException("not used by the Dev UI");
        }

        @Override
        public boolean discard(UUID id) {
            throw new UnsupportedOperationException("not used by the Dev UI");
        }

        @Override
        public int discard(DeadLetterFilter filter) {
            throw new UnsupportedOperationException("not used by the Dev UI");
        }
    }
}
