package io.quarkiverse.airlock.it.isolation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Concurrent requests of every execution model never see each other's intents: each successful request dispatches
 * exactly its own intents, once and in order; each failing one dispatches nothing; no scope stays open.
 */
@QuarkusTest
class IsolationLoadTest extends DispatchLogTest {

    static final int REQUESTS_PER_MODEL = 700;
    static final int IN_FLIGHT = 64;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void concurrentRequestsStayIsolated() throws Exception {
        List<String> models = new ArrayList<>(List.of("reactive", "blocking"));
        if (Runtime.version().feature() >= 21) {
            models.add("virtual");
        } else {
            System.err.println("#### SKIPPED: virtual-thread endpoints need JDK 21; this JVM is "
                    + Runtime.version() + " ####");
        }
        List<Call> calls = new ArrayList<>();
        for (int number = 1; number <= REQUESTS_PER_MODEL; number++) {
            for (String model : models) {
                calls.add(new Call(model, number));
            }
        }
        java.util.Collections.shuffle(calls, new java.util.Random(42));

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger current = new AtomicInteger();
        ConcurrentHashMap<Call, Integer> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (Call call : calls) {
            inFlight.acquire();
            maxInFlight.accumulateAndGet(current.incrementAndGet(), Math::max);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                    .timeout(Duration.ofSeconds(20)).GET().build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        current.decrementAndGet();
                        inFlight.release();
                        statuses.put(call, failure == null ? response.statusCode() : -1);
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(calls).hasSizeGreaterThanOrEqualTo(1400);
        assertThat(maxInFlight.get()).isGreaterThanOrEqualTo(IN_FLIGHT / 2);
        for (Call call : calls) {
            int status = statuses.get(call);
            if (UnitOfWork.fails(call.number)) {
                assertThat(status).as("status of %s", call).isIn(409, 500);
                assertThat(log.of(call.id())).as("dispatched by failing %s", call).isEmpty();
            } else {
                assertThat(status).as("status of %s", call).isEqualTo(200);
                assertThat(log.of(call.id())).as("dispatched by %s", call).isEqualTo(UnitOfWork.RECORDS);
            }
        }
        assertThat(log.all().keySet()).allMatch(id -> !UnitOfWork.fails(Integer.parseInt(id.substring(id.indexOf('-') + 1))));
        assertThat(given().get("/isolation/open-scopes").then().statusCode(200).extract().asString()).isEqualTo("0");
    }

    record Call(String model, int number) {
        String id() {
            return model + "-" + number;
        }

        String path() {
            return model.equals("virtual") ? "/isolation/virtual/" + number : "/isolation/" + model + "/" + number;
        }
    }
}
