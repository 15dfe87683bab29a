package it.outbox.peer;

/**
 * The peer's benchmark at full size, kept out of the normal build (its name matches no test pattern): run it with
 * {@code integration-tests/outbox-postgresql/bench.sh}, right after Airlock's, sizes from {@code -Dbench.*}.
 */
class PeerOutboxBenchmark extends PeerOutboxBenchmarkBase {
}
