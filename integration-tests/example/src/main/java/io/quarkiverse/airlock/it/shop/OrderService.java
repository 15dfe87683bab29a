package io.quarkiverse.airlock.it.shop;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Domain operations on orders. None of them opens a scope: callers decide what happens to the side effects.
 */
@ApplicationScoped
public class OrderService {

    @Inject
    EntityManager em;

    @Transactional
    public Order create(String customer) {
        Order order = new Order();
        order.customer = customer;
        em.persist(order);
        return order;
    }

    public Order find(long id) {
        return em.find(Order.class, id);
    }

    /** Processes the order; returns false when there is no such order. */
    @Transactional
    public boolean process(long id) {
        Order order = em.find(Order.class, id);
        if (order == null) {
            return false;
        }
        order.process();
        return true;
    }

    /** A pure read: no side effects. */
    public String describe(long id) {
        Order order = em.find(Order.class, id);
        return order == null ? "no order " + id : "order " + id + " for " + order.customer + " is " + order.status;
    }

    @Transactional
    public List<Order> processAllNew() {
        List<Order> pending = em.createQuery("from Order where status = :status order by id", Order.class)
                .setParameter("status", Order.Status.NEW).getResultList();
        pending.forEach(Order::process);
        return pending;
    }

    public List<SideEffect> sideEffects() {
        return em.createQuery("from SideEffect order by id", SideEffect.class).getResultList();
    }

    @Transactional
    public void clear() {
        em.createQuery("delete from SideEffect").executeUpdate();
        em.createQuery("delete from Order").executeUpdate();
    }
}
