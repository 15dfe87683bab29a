package io.quarkiverse.airlock.runtime.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.runtime.executor.TaskInvoker;
import io.quarkiverse.airlock.runtime.listener.AirlockListeners;
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
        service = new AirlockJsonRPCService(listener);
        AirlockListeners.install(List.of(listener));
    }

    @AfterEach
    void uninstall() {
        AirlockListeners.install(null);
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
}
