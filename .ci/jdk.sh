# Sourced by the other scripts: selects the newest JDK >= 21 on this machine (virtual-thread tests need one),
# falling back to the default JDK with a loud notice.
pick_jdk() {
    local best="" best_version=0 dir version
    for dir in /usr/lib/jvm/*/ "${JAVA_HOME:-}"; do
        dir="${dir%/}"
        [ -x "$dir/bin/javac" ] || continue
        version=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
        version="${version%%.*}"
        if [ -n "$version" ] && [ "$version" -gt "$best_version" ]; then
            best="$dir"
            best_version="$version"
        fi
    done
    if [ -z "$best" ]; then
        echo "No JDK found under /usr/lib/jvm and JAVA_HOME is not set" >&2
        return 1
    fi
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
    if [ "$best_version" -lt 21 ]; then
        echo "################################################################################"
        echo "# WARNING: no JDK >= 21 found; building and testing on JDK $best_version ($best)."
        echo "# Virtual-thread tests are SKIPPED on this machine."
        echo "################################################################################"
    else
        echo "Using JDK $best_version at $JAVA_HOME"
    fi
}
pick_jdk
