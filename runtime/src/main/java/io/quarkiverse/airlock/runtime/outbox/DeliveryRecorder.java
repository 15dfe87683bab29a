package io.quarkiverse.airlock.runtime.outbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Records the deliveries of a relay's lanes together (a group commit). A lane whose row is delivered waits while
 * another lane's write is under way; the next write then takes every row that waited meanwhile, in one transaction.
 * Each lane still takes no other row before its own is recorded, so a crash replays at most one row per lane, as when
 * each lane writes its own; what grouping saves is a transaction per row when many lanes finish at once. A single
 * lane writes each row on its own, as before.
 */
final class DeliveryRecorder {

    private final OutboxStore store;
    private final String owner;
    private final Supplier<OffsetDateTime> purgeAt;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** Rows waiting for the next write; guarded by {@link #lock}. */
    private List<Waiting> next = new ArrayList<>();
    /** Whether a lane is writing a group now; guarded by {@link #lock}. */
    private boolean writing;

    /**
     * @param purgeAt until when a delivered row is kept, null to delete it at once
     */
    DeliveryRecorder(OutboxStore store, String owner, Supplier<OffsetDateTime> purgeAt) {
        this.store = store;
        this.owner = owner;
        this.purgeAt = purgeAt;
    }

    /**
     * Records {@code row} delivered, together with the rows of other lanes that wait at the same time; returns once it
     * is committed.
     *
     * @return false when {@code owner} no longer holds this claim of the row: nothing changed for it
     * @throws Exception when the table could not be reached: nothing of this row was recorded, and it can be recorded
     *         again
     */
    boolean delivered(ClaimedRow row) throws Exception {
        if (row.headsItsKey()) {
            return store.delivered(row, owner, purgeAt.get());
        }
        Waiting mine = new Waiting(row);
        List<Waiting> group;
        lock.lock();
        try {
            next.add(mine);
            while (writing && !mine.settled) {
                written.awaitUninterruptibly();
            }
            if (mine.settled) {
                return mine.result();
            }
            writing = true;
            group = next;
            next = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        write(group);
        return mine.result();
    }

    /** Writes a group, settles each of its rows, and lets the next lane in line write the rows that gathered. */
    private void write(List<Waiting> group) {
        boolean[] ours = null;
        Throwable failure = null;
        try {
            List<ClaimedRow> rows = new ArrayList<>(group.size());
            for (Waiting waiting : group) {
                rows.add(waiting.row);
            }
            ours = store.delivered(rows, owner, purgeAt.get());
        } catch (Throwable e) {
            // every lane of the group hears of it, and records its row again
            failure = e;
        } finally {
            lock.lock();
            try {
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).settle(ours != null && ours[i], failure);
                }
                writing = false;
                written.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A row waiting for its delivery to be recorded; its fields are guarded by the recorder's lock. */
    private static final class Waiting {

        final ClaimedRow row;
        boolean settled;
        boolean ours;
        Throwable failure;

        Waiting(ClaimedRow row) {
            this.row = row;
        }

        void settle(boolean stillOurs, Throwable why) {
            ours = stillOurs;
            failure = why;
            settled = true;
        }

        /** Read by the row's own lane once settled (its write happened under the lock it read under). */
        boolean result() throws Exception {
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw (Exception) failure;
            }
            return ours;
        }
    }
}
