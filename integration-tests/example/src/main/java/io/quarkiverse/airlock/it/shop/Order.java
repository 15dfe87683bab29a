package io.quarkiverse.airlock.it.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkiverse.airlock.Airlock;

/**
 * An order whose processing has side effects: the warehouse is told and the customer gets an email. The entity only
 * expresses them; the surrounding scope decides whether and when they escape.
 */
@Entity
@Table(name = "shop_order")
public class Order {

    public enum Status {
        NEW,
        PROCESSED
    }

    @Id
    @GeneratedValue
    public Long id;

    public String customer;

    @Enumerated(EnumType.STRING)
    public Status status = Status.NEW;

    public void process() {
        status = Status.PROCESSED;
        Airlock.enqueue("notifyWarehouse", id);
        Airlock.enqueue("sendConfirmationEmail", id);
    }
}
