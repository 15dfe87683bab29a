package io.quarkiverse.airlock.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Requests to Quarkus' own endpoints (Dev UI, health, metrics) get no request scope: where do they live? */
class NonApplicationPrefixTest {

    @Test
    void relativeToTheRootPath() {
        assertThat(RequestScopes.nonApplicationPrefix("/", "q")).isEqualTo("/q/");
        assertThat(RequestScopes.nonApplicationPrefix("/shop", "q")).isEqualTo("/shop/q/");
        assertThat(RequestScopes.nonApplicationPrefix("/shop/", "internal/")).isEqualTo("/shop/internal/");
    }

    @Test
    void absoluteWhenItStartsWithASlash() {
        assertThat(RequestScopes.nonApplicationPrefix("/shop", "/q")).isEqualTo("/q/");
    }

    @Test
    void noneWhenQuarkusServesItsEndpointsAtTheRootPath() {
        assertThat(RequestScopes.nonApplicationPrefix("/", "/")).isNull();
        assertThat(RequestScopes.nonApplicationPrefix("/shop", "/shop")).isNull();
    }
}
