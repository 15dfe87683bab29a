package io.quarkiverse.airlock.benchmarks.quarkus;

import java.util.Arrays;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * {@code java -jar quarkus-run.jar} serves the benchmark endpoints; {@code java -jar quarkus-run.jar jmh [JMH options]}
 * runs the JMH benchmarks inside the started application. They cannot fork: a forked JVM would not be a Quarkus
 * application, so every benchmark of a run shares one JVM.
 */
@QuarkusMain
public class BenchmarkMain implements QuarkusApplication {

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0 || !args[0].equals("jmh")) {
            Quarkus.waitForExit();
            return 0;
        }
        CommandLineOptions options = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
        new Runner(new OptionsBuilder().parent(options).forks(0).build()).run();
        return 0;
    }
}
