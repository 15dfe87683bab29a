package io.quarkiverse.airlock.runtime.executor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The messaging consumer's duplicate filter: a remembered id is a duplicate, the oldest id is forgotten first, a
 * failed id is forgotten so its redelivery runs, and a window of 0 lets everything through.
 */
class RecentIdsTest {

    @Test
    void aRememberedIdIsADuplicate() {
        RecentIds ids = new RecentIds(10);

        assertThat(ids.add("a")).isTrue();
        assertThat(ids.add("b")).isTrue();
        assertThat(ids.add("a")).isFalse();
    }

    @Test
    void theOldestIdIsForgottenFirst() {
        RecentIds ids = new RecentIds(2);
        ids.add("a");
        ids.add("b");
        ids.add("c");

        assertThat(ids.add("b")).as("still remembered").isFalse();
        assertThat(ids.add("c")).as("still remembered").isFalse();
        assertThat(ids.add("a")).as("forgotten").isTrue();
    }

    @Test
    void aRemovedIdIsNewAgain() {
        RecentIds ids = new RecentIds(10);
        ids.add("a");
        ids.remove("a");

        assertThat(ids.add("a")).isTrue();
    }

    @Test
    void aZeroWindowRemembersNothing() {
        RecentIds ids = new RecentIds(0);

        assertThat(ids.add("a")).isTrue();
        assertThat(ids.add("a")).isTrue();
    }
}
