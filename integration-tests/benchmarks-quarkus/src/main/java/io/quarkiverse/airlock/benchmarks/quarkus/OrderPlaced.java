package io.quarkiverse.airlock.benchmarks.quarkus;

/** The CDI event of the transactional-observer peer: what a handler would receive. */
public record OrderPlaced(long orderId) {
}
