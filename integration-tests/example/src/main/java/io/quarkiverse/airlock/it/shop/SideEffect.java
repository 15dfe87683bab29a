package io.quarkiverse.airlock.it.shop;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A record of a side effect that really happened, written by the task handlers so tests can observe them.
 */
@Entity
@Table(name = "side_effect")
public class SideEffect {

    @Id
    @GeneratedValue
    public Long id;

    public String task;

    public Long orderId;

    public Instant happenedAt;

    /** What the handler saw of the order when it ran: proves it reads committed data. */
    public String observedStatus;

    public SideEffect() {
    }

    public SideEffect(String task, Long orderId, String observedStatus) {
        this.task = task;
        this.orderId = orderId;
        this.observedStatus = observedStatus;
        this.happenedAt = Instant.now();
    }
}
