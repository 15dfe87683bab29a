package io.quarkiverse.airlock.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockDefaults;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.BlockTasks;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.ScopeBody;

class BadInputTest {

    @Test
    void taskNames() {
        Airlock.scope(new DropAll(), scope -> {
            assertThatThrownBy(() -> Airlock.enqueue(null, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("null");
            assertThatThrownBy(() -> Airlock.enqueue("  ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("blank");
            assertThatThrownBy(() -> Airlock.intent("")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("blank");
            assertThatThrownBy(() -> Airlock.enqueue((String) null, () -> {
            })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Task name");
        });
    }

    @Test
    void nullAction() {
        Airlock.scope(new DropAll(), scope -> assertThatThrownBy(() -> Airlock.enqueue("x", (Runnable) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action"));
    }

    @Test
    void nullPolicies() {
        assertThatThrownBy(() -> new Scope((Policy) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy");
        assertThatThrownBy(() -> new Scope(null, intent -> {
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy");
        assertThatThrownBy(() -> Airlock.scope((Policy) null, s -> {
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy");
        assertThatThrownBy(() -> Airlock.policy(null, () -> {
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy");
        assertThatThrownBy(() -> AirlockDefaults.builder().policy(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy");
    }

    @Test
    void nullExecutorsAndBodies() {
        assertThatThrownBy(() -> new Scope(new AllowAll(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("executor");
        assertThatThrownBy(() -> Airlock.scope((ScopeBody<RuntimeException>) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
        assertThatThrownBy(() -> Airlock.configure(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaults");
    }

    @Test
    void blockTasksNames() {
        assertThatThrownBy(() -> new BlockTasks((String) null)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new BlockTasks(java.util.Set.of(" "), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }
}
