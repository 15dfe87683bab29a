# Sourced by http.sh and http-profile.sh: the two builds of the benchmark application and the cores they run on.

# the application as it is, and a second build of it with the auto-scope on (fixed at build time)
build_http_apps() {
    (cd ../.. && ./mvnw -B -ntp -q install -DskipTests -pl runtime,deployment -am)
    ../../mvnw -B -ntp -q package -DskipTests
    # Quarkus' own endpoints under /bench/unscoped/, which the auto-scope leaves alone: a baseline in the same JVM
    ../../mvnw -B -ntp -q package -DskipTests -Dquarkus.airlock.http.auto-scope=true \
        -Dquarkus.http.non-application-root-path=/bench/unscoped -Dquarkus.package.output-directory=auto-scope-app
}

# on 2 cores, the server on one and wrk on the other, so that they do not take turns on the same core
server_cpu=1
client_cpu=0
if [ "$(nproc)" -lt 2 ]; then
    server_cpu=0
fi
