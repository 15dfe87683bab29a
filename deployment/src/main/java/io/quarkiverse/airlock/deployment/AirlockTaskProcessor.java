package io.quarkiverse.airlock.deployment;

import static io.quarkiverse.airlock.deployment.AirlockDotNames.AIRLOCK_TASK;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.invoke.Invoker;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;

import io.quarkiverse.airlock.deployment.AirlockTasksBuildItem.TaskMethod;
import io.quarkiverse.airlock.deployment.exception.DuplicateTaskNameException;
import io.quarkiverse.airlock.deployment.exception.InvalidTaskMethodException;
import io.quarkiverse.airlock.deployment.exception.UnsupportedTaskSignatureException;
import io.quarkiverse.airlock.runtime.TaskRecorder;
import io.quarkiverse.airlock.spi.TaskHandler;
import io.quarkus.arc.deployment.AutoAddScopeBuildItem;
import io.quarkus.arc.deployment.BeanRegistrationPhaseBuildItem;
import io.quarkus.arc.deployment.BeanRegistrationPhaseBuildItem.BeanConfiguratorBuildItem;
import io.quarkus.arc.deployment.InvokerFactoryBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.AnnotationStore;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BuildExtension;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.arc.processor.InvokerBuilder;
import io.quarkus.arc.processor.InvokerInfo;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.deployment.execannotations.ExecutionModelAnnotationsAllowedBuildItem;
import io.quarkus.deployment.recording.RecorderContext;
import io.quarkus.runtime.RuntimeValue;

/**
 * Discovers the {@code @AirlockTask} handlers, validates them, and builds the invokers that call them.
 */
class AirlockTaskProcessor {

    private static final Map<PrimitiveType.Primitive, Class<?>> PRIMITIVES = Map.of(PrimitiveType.Primitive.BOOLEAN,
            boolean.class, PrimitiveType.Primitive.BYTE, byte.class, PrimitiveType.Primitive.CHAR, char.class,
            PrimitiveType.Primitive.SHORT, short.class, PrimitiveType.Primitive.INT, int.class, PrimitiveType.Primitive.LONG,
            long.class, PrimitiveType.Primitive.FLOAT, float.class, PrimitiveType.Primitive.DOUBLE, double.class);

    private static final Set<DotName> ASYNC_RETURN_TYPES = Set.of(AirlockDotNames.UNI, AirlockDotNames.MULTI,
            AirlockDotNames.COMPLETION_STAGE, AirlockDotNames.COMPLETABLE_FUTURE);

    @BuildStep
    AutoAddScopeBuildItem handlerClassesAreBeans() {
        return AutoAddScopeBuildItem.builder()
                .containsAnnotations(AIRLOCK_TASK)
                .defaultScope(BuiltinScope.SINGLETON)
                .reason("Found @AirlockTask methods")
                .build();
    }

    @BuildStep
    UnremovableBeanBuildItem handlerBeansStay() {
        // handlers are only ever looked up by the invokers, never injected
        return new UnremovableBeanBuildItem(bean -> bean.isClassBean()
                && bean.getTarget().get().asClass().annotationsMap().containsKey(AIRLOCK_TASK));
    }

    @BuildStep
    ExecutionModelAnnotationsAllowedBuildItem handlersMayDeclareExecutionModel() {
        return new ExecutionModelAnnotationsAllowedBuildItem(method -> method.hasDeclaredAnnotation(AIRLOCK_TASK));
    }

    @BuildStep
    AirlockTaskNamesBuildItem taskNames(CombinedIndexBuildItem index) {
        return AirlockTaskNamesBuildItem.of(index.getIndex());
    }

    @BuildStep
    void discoverHandlers(CombinedIndexBuildItem index, AirlockTaskNamesBuildItem taskNames,
            BeanRegistrationPhaseBuildItem registration,
            InvokerFactoryBuildItem invokers, BuildProducer<AirlockTasksBuildItem> tasks,
            BuildProducer<ValidationErrorBuildItem> errors,
            // never produced: declaring it orders this step before ArC's validation, which must see the invokers
            BuildProducer<BeanConfiguratorBuildItem> beforeValidation) {
        AnnotationStore annotations = registration.getContext().get(BuildExtension.Key.ANNOTATION_STORE);
        Map<DotName, BeanInfo> classBeans = new TreeMap<>();
        registration.getContext().beans().classBeans().forEach(bean -> classBeans.put(bean.getBeanClass(), bean));

        List<Throwable> problems = new ArrayList<>();
        Map<String, List<MethodInfo>> byName = new TreeMap<>();
        List<TaskMethod> valid = new ArrayList<>();

        List<AnnotationInstance> declared = new ArrayList<>(index.getIndex().getAnnotations(AIRLOCK_TASK));
        declared.sort(Comparator.comparing(annotation -> Methods.describe(annotation.target())));
        for (AnnotationInstance declaration : declared) {
            if (declaration.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = declaration.target().asMethod();
            AnnotationInstance annotation = annotations.getAnnotation(method, AIRLOCK_TASK);
            if (annotation == null) {
                continue; // removed by an annotation transformer
            }
            String name = taskNames.nameOf(method);
            byName.computeIfAbsent(name, ignored -> new ArrayList<>()).add(method);
            BeanInfo bean = classBeans.get(method.declaringClass().name());
            Throwable problem = validate(method, bean);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            InvokerBuilder builder = invokers.createInvoker(bean, method);
            if (!hasSharedInstance(bean)) {
                builder.withInstanceLookup();
            }
            InvokerInfo invoker = builder.build();
            valid.add(new TaskMethod(name, bean, method, invoker));
        }
        byName.forEach((name, methods) -> {
            if (methods.size() > 1) {
                problems.add(new DuplicateTaskNameException("Task name '" + name + "' is declared by "
                        + methods.size() + " @AirlockTask methods: "
                        + String.join(" and ", methods.stream().map(Methods::describe).toList())
                        + ". Task names must be unique: give all but one an explicit name with @AirlockTask(\"...\")."));
            }
        });
        if (problems.isEmpty()) {
            tasks.produce(new AirlockTasksBuildItem(valid));
        } else {
            tasks.produce(new AirlockTasksBuildItem(List.of()));
            errors.produce(new ValidationErrorBuildItem(problems));
        }
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void installHandlers(AirlockTasksBuildItem tasks, TaskRecorder recorder, RecorderContext recorderContext,
            AirlockBuildTimeConfig config, ShutdownContextBuildItem shutdown) throws ClassNotFoundException {
        List<RuntimeValue<TaskHandler>> handlers = new ArrayList<>();
        for (TaskMethod task : tasks.tasks()) {
            @SuppressWarnings({ "unchecked", "rawtypes" })
            RuntimeValue<Invoker<Object, Object>> invoker = (RuntimeValue) recorderContext
                    .newInstance(task.invoker().getClassName());
            if (hasSharedInstance(task.bean())) {
                handlers.add(recorder.sharedInstanceHandler(task.name(), task.describe(), parameterClasses(task.method()),
                        genericSignatures(task.method()), invoker, task.bean().getIdentifier(),
                        config.interceptDirectCalls()));
            } else {
                handlers.add(recorder.handler(task.name(), task.describe(), parameterClasses(task.method()),
                        genericSignatures(task.method()), invoker, config.interceptDirectCalls()));
            }
        }
        recorder.install(handlers, shutdown);
    }

    /**
     * A singleton or application-scoped bean has one instance (or one client proxy) for the application's life: it is
     * looked up once, on first dispatch, instead of on every call. Other scopes keep the lookup per call.
     */
    private static boolean hasSharedInstance(BeanInfo bean) {
        return BuiltinScope.SINGLETON.is(bean.getScope()) || BuiltinScope.APPLICATION.is(bean.getScope());
    }

    private static Throwable validate(MethodInfo method, BeanInfo bean) {
        String where = Methods.describe(method);
        ClassInfo declaring = method.declaringClass();
        if (Modifier.isPrivate(method.flags())) {
            return new InvalidTaskMethodException("@AirlockTask method " + where
                    + " is private: Airlock calls handlers from outside the class. Make it package-private, protected or public.");
        }
        if (Modifier.isStatic(method.flags())) {
            return new InvalidTaskMethodException("@AirlockTask method " + where
                    + " is static: handlers are methods of CDI beans. Remove 'static' so the method runs on the bean instance.");
        }
        if (bean == null) {
            String reason = declaring.isInterface() ? "is declared on an interface"
                    : Modifier.isAbstract(declaring.flags()) ? "is declared on an abstract class"
                            : "is declared on " + declaring.name() + ", which is not a CDI bean";
            return new InvalidTaskMethodException("@AirlockTask method " + where + " " + reason
                    + ": handlers must be methods of a concrete bean class. Declare the method on a class annotated with"
                    + " @ApplicationScoped or @Singleton (a class without a scope gets @Singleton).");
        }
        for (int i = 0; i < method.parametersCount(); i++) {
            Type type = method.parameterType(i);
            if (type.kind() == Type.Kind.TYPE_VARIABLE || type.kind() == Type.Kind.UNRESOLVED_TYPE_VARIABLE
                    || type.kind() == Type.Kind.WILDCARD_TYPE) {
                return new UnsupportedTaskSignatureException("@AirlockTask method " + where + ": parameter " + i
                        + " has the type variable " + type
                        + ", which Airlock cannot check at enqueue time. Use a concrete parameter type.");
            }
        }
        if (ASYNC_RETURN_TYPES.contains(method.returnType().name())) {
            return new UnsupportedTaskSignatureException("@AirlockTask method " + where + " returns "
                    + method.returnType().name()
                    + ": handlers run to completion and their result is ignored, so an asynchronous result would never"
                    + " be awaited. Return void and block, or choose quarkus.airlock.executor=worker or virtual-threads"
                    + " for slow handlers.");
        }
        return null;
    }

    /**
     * The generic signature of each parameterized parameter, in the form Jackson reads back
     * ({@code java.util.Map<java.lang.String,java.util.UUID>}), so that arguments arriving as JSON are converted to the
     * full type without reflection at run time; null for the other parameters.
     */
    static String[] genericSignatures(MethodInfo method) {
        String[] signatures = new String[method.parametersCount()];
        for (int i = 0; i < signatures.length; i++) {
            Type type = method.parameterType(i);
            if (type.kind() == Type.Kind.PARAMETERIZED_TYPE) {
                signatures[i] = canonical(type);
            }
        }
        return signatures;
    }

    private static String canonical(Type type) {
        switch (type.kind()) {
            case PARAMETERIZED_TYPE: {
                StringBuilder out = new StringBuilder(type.name().toString()).append('<');
                List<Type> arguments = type.asParameterizedType().arguments();
                for (int i = 0; i < arguments.size(); i++) {
                    out.append(i == 0 ? "" : ",").append(canonical(arguments.get(i)));
                }
                return out.append('>').toString();
            }
            case WILDCARD_TYPE:
                return canonical(type.asWildcardType().extendsBound());
            case TYPE_VARIABLE:
                List<Type> bounds = type.asTypeVariable().bounds();
                return bounds.isEmpty() ? "java.lang.Object" : canonical(bounds.get(0));
            case ARRAY:
            case PRIMITIVE:
                // the JVM's own name ([Ljava.lang.String;), which Jackson loads as it is
                return type.name().toString();
            default:
                return type.name().toString();
        }
    }

    private static Class<?>[] parameterClasses(MethodInfo method) throws ClassNotFoundException {
        Class<?>[] classes = new Class<?>[method.parametersCount()];
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (int i = 0; i < classes.length; i++) {
            classes[i] = loadClass(method.parameterType(i), loader);
        }
        return classes;
    }

    private static Class<?> loadClass(Type type, ClassLoader loader) throws ClassNotFoundException {
        switch (type.kind()) {
            case PRIMITIVE:
                return PRIMITIVES.get(type.asPrimitiveType().primitive());
            case ARRAY:
                return Class.forName(type.name().toString().replace('/', '.'), false, loader);
            default:
                return Class.forName(type.name().toString(), false, loader);
        }
    }
}
