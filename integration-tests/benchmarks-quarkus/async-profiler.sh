# Sourced by profile.sh and http-profile.sh: async-profiler's agent, fetched from Maven Central on first use, in
# $library.
async_profiler_version=4.2
async_profiler_dir=target/async-profiler
library=$PWD/$async_profiler_dir/linux-x64/libasyncProfiler.so
if [ ! -f "$library" ]; then
    ../../mvnw -B -ntp -q dependency:copy -Dartifact=tools.profiler:async-profiler:$async_profiler_version \
        -DoutputDirectory="$async_profiler_dir"
    (cd "$async_profiler_dir" && unzip -o -q "async-profiler-$async_profiler_version.jar" 'linux-x64/*')
fi
