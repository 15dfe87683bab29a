#!/usr/bin/env bash
# Proves that a fresh application can use the locally installed snapshot: creates an empty Quarkus application with the
# Quarkus Maven plugin, adds Airlock with quarkus:add-extension, writes an @AirlockScope endpoint whose @AirlockTask
# records what it was given, packages and starts the application, and checks over HTTP that the task ran after a
# successful request and did not after a failed one. Run it after `./mvnw install`; extra arguments (-o,
# -Dmaven.repo.local=...) are passed to every Maven call.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
. .ci/jdk.sh

quarkus_version=3.33.2
version=$(sed -n 's:^    <version>\(.*\)</version>:\1:p' pom.xml | head -1)
work=$(mktemp -d)
app_pid=""
cleanup() {
    if [ -n "$app_pid" ]; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

mvn() {
    "$root/mvnw" -B -ntp -q "$@"
}

cd "$work"
mvn io.quarkus:quarkus-maven-plugin:$quarkus_version:create -DprojectGroupId=org.acme \
    -DprojectArtifactId=airlock-app -DnoCode -Dextensions=rest -DquarkusRegistryClient=false "$@"
cd airlock-app
mvn quarkus:add-extension -Dextensions=io.quarkiverse.airlock:quarkus-airlock:$version \
    -DquarkusRegistryClient=false "$@"
grep -q '<artifactId>quarkus-airlock</artifactId>' pom.xml || { echo "add-extension did not add quarkus-airlock" >&2; exit 1; }

mkdir -p src/main/java/org/acme
cat > src/main/java/org/acme/Greetings.java <<'JAVA'
package org.acme;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.airlock.AirlockTask;

@ApplicationScoped
public class Greetings {

    private final List<String> greeted = new CopyOnWriteArrayList<>();

    @AirlockTask
    void remember(String name) {
        greeted.add(name);
    }

    public List<String> greeted() {
        return greeted;
    }
}
JAVA
cat > src/main/java/org/acme/GreetingResource.java <<'JAVA'
package org.acme;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;

@Path("/greetings")
public class GreetingResource {

    @Inject
    Greetings greetings;

    @POST
    @Path("/{name}")
    @AirlockScope
    public String greet(@PathParam("name") String name, @QueryParam("fail") boolean fail) {
        Airlock.enqueue("remember", name);
        if (fail) {
            throw new IllegalStateException("failing on purpose");
        }
        return "hello " + name;
    }

    @GET
    public String greeted() {
        return String.join(",", greetings.greeted());
    }
}
JAVA

mvn package -DskipTests -DquarkusRegistryClient=false "$@"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -jar target/quarkus-app/quarkus-run.jar > app.log 2>&1 &
app_pid=$!
base="http://127.0.0.1:$port/greetings"
for _ in $(seq 1 60); do
    curl -fs "$base" > /dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { cat app.log; echo "the application did not start" >&2; exit 1; }
    sleep 1
done

fail() {
    echo "$1" >&2
    cat app.log >&2
    exit 1
}
reply=$(curl -fs -X POST "$base/ada") || fail "POST /greetings/ada failed"
[ "$reply" = "hello ada" ] || fail "unexpected reply: $reply"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/bob?fail=true")
[ "$status" = "500" ] || fail "a failing request answered $status"
greeted=$(curl -fs "$base") || fail "GET /greetings failed"
# The task ran for the successful request only: the failed request's intent was discarded with its scope.
[ "$greeted" = 'ada' ] || fail "expected the task to have run for ada only, but it recorded: $greeted"
grep -q 'Installed features:.*airlock' app.log || fail "the airlock feature is not installed"
echo "A fresh application with quarkus-airlock $version builds, starts and runs its @AirlockTask after the request"
