package io.quarkiverse.airlock.test.tx;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.NoScopeException;
import io.quarkiverse.airlock.test.Recorder;
import io.quarkiverse.airlock.test.RecordingTest;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A transaction decides wherever the scope sits: an {@code @AirlockScope} method called inside a {@code @Transactional}
 * one flushes before the commit and its enclosing scope (an outer {@code Airlock.scope}, an outer
 * {@code @AirlockScope}, the HTTP auto-scope) captures its intents; or the transactional method enqueues straight into
 * that enclosing scope. Whichever way the transaction then ends without a commit, they never run, although the
 * enclosing scope flushes after the transaction.
 */
public class NestedScopeTransactionTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Notifier.class, Orders.class, Ending.class, OuterScope.class,
            OrderResource.class)
            .overrideConfigKey("quarkus.airlock.http.auto-scope", "true")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:nested-tx;DB_CLOSE_DELAY=-1");

    /** How the business transaction ends. */
    public enum Ending {
        COMMIT,
        SET_ROLLBACK_ONLY,
        EXCEPTION_CAUGHT_BY_CALLER,
        FAILURE_DURING_COMMIT
    }

    @Inject
    Orders orders;

    @Inject
    OuterScope outerScope;

    /**
     * Every enclosing scope with every ending, the transactional method either calling an {@code @AirlockScope} method
     * or enqueueing directly. The endings go by name: parameters of the test's own types would cross the application's
     * class loader.
     */
    static Stream<Arguments> placements() {
        return Stream.of("Airlock.scope", "@AirlockScope", "HTTP auto-scope")
                .flatMap(enclosing -> Stream.of(false, true)
                        .flatMap(direct -> Stream.of(Ending.values())
                                .map(ending -> Arguments.of(enclosing, direct, ending.name()))));
    }

    @ParameterizedTest(name = "under {0}, enqueued directly: {1}, {2}")
    @MethodSource("placements")
    void theTransactionDecidesWhateverScopeEnclosesIt(String enclosing, boolean direct, String name) {
        Ending ending = Ending.valueOf(name);
        String token = tokenOf(enclosing) + (direct ? "-direct" : "");
        switch (enclosing) {
            case "Airlock.scope" -> Airlock.scope(scope -> orders.placeCatching(ending, token, direct));
            case "@AirlockScope" -> outerScope.place(ending, token, direct);
            default -> given().queryParam("direct", direct).post("/orders/" + ending + "/" + token).then()
                    .statusCode(200);
        }

        assertOutcome(ending, token);
    }

    private static String tokenOf(String enclosing) {
        return switch (enclosing) {
            case "Airlock.scope" -> "plain";
            case "@AirlockScope" -> "annotated";
            default -> "http";
        };
    }

    @Test
    void aTransactionalMethodWithoutAnyScopeAroundItStillHasNoScope() {
        assertThatThrownBy(() -> orders.place(Ending.COMMIT, "nowhere", true))
                .isInstanceOf(NoScopeException.class);
        assertThat(handlers.calls).isEmpty();
    }

    private void assertOutcome(Ending ending, String token) {
        // the synchronous executor: whatever escapes has run when the enclosing scope's call returns
        if (ending == Ending.COMMIT) {
            assertThat(handlers.calls).containsExactly(token);
        } else {
            assertThat(handlers.calls).as("the transaction ended with " + ending).isEmpty();
        }
    }

    @ApplicationScoped
    public static class Notifier {
        @Inject
        Recorder handlers;

        @AirlockScope
        public void notifyOf(String token) {
            handlers.enqueue(token);
        }
    }

    @ApplicationScoped
    public static class Orders {
        @Inject
        Notifier notifier;

        @Inject
        TransactionManager transactions;

        @Inject
        TransactionSynchronizationRegistry registry;

        /** The caller of the transaction catches its failure, so that the enclosing scope still flushes. */
        public void placeCatching(Ending ending, String token, boolean direct) {
            try {
                place(ending, token, direct);
            } catch (RuntimeException expected) {
                // the transaction rolled back; the unit of work around it goes on
            }
        }

        @Transactional
        public void place(Ending ending, String token, boolean direct) throws RuntimeException {
            if (direct) {
                // into whatever scope encloses the transaction: it is bound to the transaction when the call ends
                Airlock.enqueue("record", token);
            } else {
                notifier.notifyOf(token);
            }
            switch (ending) {
                case SET_ROLLBACK_ONLY:
                    try {
                        transactions.setRollbackOnly();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    break;
                case EXCEPTION_CAUGHT_BY_CALLER:
                    throw new IllegalStateException("payment declined after the notification was expressed");
                case FAILURE_DURING_COMMIT:
                    registry.registerInterposedSynchronization(new Synchronization() {
                        @Override
                        public void beforeCompletion() {
                            throw new IllegalStateException("a deferred constraint failed at commit");
                        }

                        @Override
                        public void afterCompletion(int status) {
                        }
                    });
                    break;
                default:
            }
        }
    }

    @ApplicationScoped
    public static class OuterScope {
        @Inject
        Orders orders;

        @AirlockScope
        public void place(Ending ending, String token, boolean direct) {
            orders.placeCatching(ending, token, direct);
        }
    }

    @Path("/orders")
    public static class OrderResource {
        @Inject
        Orders orders;

        @POST
        @Path("/{ending}/{token}")
        public String place(@PathParam("ending") Ending ending, @PathParam("token") String token,
                @QueryParam("direct") boolean direct) {
            orders.placeCatching(ending, token, direct);
            return "ok";
        }
    }
}
