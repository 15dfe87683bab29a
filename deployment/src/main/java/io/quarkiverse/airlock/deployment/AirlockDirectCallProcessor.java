package io.quarkiverse.airlock.deployment;

import static io.quarkiverse.airlock.deployment.AirlockDotNames.AIRLOCK_TASK;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.logging.Logger;

import io.quarkiverse.airlock.deployment.AirlockBuildTimeConfig.DirectCalls;
import io.quarkiverse.airlock.deployment.AirlockTasksBuildItem.TaskMethod;
import io.quarkiverse.airlock.deployment.DirectCallScanner.CallSite;
import io.quarkiverse.airlock.deployment.DirectCallScanner.Target;
import io.quarkiverse.airlock.deployment.exception.DirectTaskCallException;
import io.quarkiverse.airlock.runtime.interceptor.DirectCallInterceptor;
import io.quarkiverse.airlock.runtime.interceptor.DirectTaskCall;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;

/**
 * Direct calls to {@code @AirlockTask} methods, which bypass every scope: a build-time report of the call sites in
 * the application ({@code quarkus.airlock.direct-calls}), and the opt-in interceptor that buffers them while code is
 * migrated ({@code quarkus.airlock.intercept-direct-calls}).
 */
class AirlockDirectCallProcessor {

    private static final Logger LOG = Logger.getLogger(AirlockDirectCallProcessor.class);
    private static final DotName DIRECT_TASK_CALL = DotName.createSimple(DirectTaskCall.class);

    /**
     * Reads the application's own class files (not its dependencies) and reports every invocation of a task method,
     * except in code marked {@code @AirlockDirectCall}.
     */
    @BuildStep
    void reportDirectCalls(AirlockBuildTimeConfig config, AirlockTasksBuildItem tasks,
            ApplicationArchivesBuildItem archives, io.quarkus.deployment.builditem.CombinedIndexBuildItem combinedIndex,
            BuildProducer<ValidationErrorBuildItem> errors) {
        if (config.directCalls() == DirectCalls.IGNORE || tasks.tasks().isEmpty()) {
            return;
        }
        DirectCallScanner scanner = new DirectCallScanner(targets(tasks.tasks(), combinedIndex.getIndex()));
        archives.getRootArchive().accept(tree -> tree.walk(visit -> {
            if (visit.getRelativePath().endsWith(".class")) {
                try {
                    scanner.scan(Files.readAllBytes(visit.getPath()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + visit.getPath(), e);
                }
            }
        }));
        List<CallSite> sites = scanner.callSites();
        if (sites.isEmpty()) {
            return;
        }
        String report = sites.size() + " direct call(s) to @AirlockTask methods bypass every scope: their side effects"
                + " run at once, even when the surrounding work fails or is rolled back:\n"
                + sites.stream().map(site -> "\t- " + site).collect(Collectors.joining("\n"))
                + "\nEnqueue the task instead (Airlock.enqueue(\"<task>\", args...)) so the scope decides whether and"
                + " when it runs. Mark a call that must run at once with @AirlockDirectCall on its method or class;"
                + " quarkus.airlock.direct-calls=warn|fail|ignore chooses what the build does"
                + " (quarkus.airlock.intercept-direct-calls=true buffers these calls at run time while you migrate).";
        if (config.directCalls() == DirectCalls.FAIL) {
            errors.produce(new ValidationErrorBuildItem(new DirectTaskCallException(report)));
        } else {
            LOG.warn(report);
        }
    }

    /**
     * The methods a call may name to reach a task: its declaring class, the subclasses, and the interfaces that
     * declare the same method.
     */
    private static Map<String, List<Target>> targets(List<TaskMethod> tasks, IndexView index) {
        Map<String, List<Target>> targets = new HashMap<>();
        for (TaskMethod task : tasks) {
            MethodInfo method = task.method();
            ClassInfo declaring = method.declaringClass();
            List<DotName> owners = new ArrayList<>();
            owners.add(declaring.name());
            index.getAllKnownSubclasses(declaring.name()).forEach(subclass -> owners.add(subclass.name()));
            for (DotName name : declaring.interfaceNames()) {
                ClassInfo type = index.getClassByName(name);
                if (type != null && type.method(method.name(), method.parameterTypes()) != null) {
                    owners.add(name);
                }
            }
            for (DotName owner : owners) {
                targets.computeIfAbsent(owner.toString().replace('.', '/'), ignored -> new ArrayList<>())
                        .add(new Target(owner.toString().replace('.', '/'), method.name(), method.parametersCount(),
                                task.name()));
            }
        }
        return targets;
    }

    @BuildStep
    void interceptDirectCalls(AirlockBuildTimeConfig config, AirlockTaskNamesBuildItem taskNames,
            BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<AnnotationsTransformerBuildItem> transformers) {
        if (!config.interceptDirectCalls()) {
            return;
        }
        beans.produce(AdditionalBeanBuildItem.builder().setUnremovable()
                .addBeanClasses(DirectTaskCall.class, DirectCallInterceptor.class).build());
        transformers.produce(new AnnotationsTransformerBuildItem(AnnotationTransformation.forMethods()
                .whenMethod(method -> method.hasDeclaredAnnotation(AIRLOCK_TASK))
                .transform(context -> {
                    String name = taskNames.nameOf(context.declaration().asMethod());
                    if (name != null) {
                        context.add(AnnotationInstance.builder(DIRECT_TASK_CALL).add("value", name).build());
                    }
                })));
    }
}
