package it.outbox;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox benchmark at full size, kept out of the normal build (its name matches no test pattern): run it with
 * {@code integration-tests/outbox-postgresql/bench.sh}, sizes from {@code -Dbench.*}.
 */
@QuarkusTest
class OutboxBenchmark extends OutboxBenchmarkBase {
}
