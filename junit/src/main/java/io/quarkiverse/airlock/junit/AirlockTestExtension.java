package io.quarkiverse.airlock.junit;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;

/**
 * The JUnit 5 side of {@link AirlockTest}: opens the test's scope right before each test method (after the
 * {@code @BeforeEach} methods, so fixtures set up there are not part of what the test captures), ends it right after
 * (before the {@code @AfterEach} methods), and resolves {@link CapturedIntents} parameters of test methods. Usually registered
 * through {@link AirlockTest}; {@code @ExtendWith} alone gives
 * every test a {@code DropAll} scope.
 */
public class AirlockTestExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(AirlockTestExtension.class);
    private static final String CAPTURE = "capture";
    private static final String PREVIOUS_LISTENER = "previousListener";

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        Class<? extends Policy> policyClass = policyClass(context);
        Policy policy = instantiate(policyClass);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        IntentLog log = IntentLog.INSTANCE;
        if (!log.installedByContainer) {
            // Plain Java (or a container that did not pick up the listener bean): listen next to whatever is installed.
            AirlockListener previous = AirlockHooks.listener();
            store.put(PREVIOUS_LISTENER, Optional.ofNullable(previous));
            AirlockHooks.installListeners(previous == null ? List.of(log) : List.of(previous, log));
        }
        log.start();
        Scope scope = new Scope(policy).enter();
        store.put(CAPTURE, new CapturedIntents(scope, log));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        CapturedIntents captured = store.remove(CAPTURE, CapturedIntents.class);
        try {
            if (captured != null) {
                captured.end(context.getExecutionException().orElse(null));
            }
        } finally {
            IntentLog.INSTANCE.stop();
            @SuppressWarnings("unchecked")
            Optional<AirlockListener> previous = store.remove(PREVIOUS_LISTENER, Optional.class);
            if (previous != null) {
                AirlockHooks.installListeners(previous.map(List::of).orElse(null));
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == CapturedIntents.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        CapturedIntents captured = extensionContext.getStore(NAMESPACE).get(CAPTURE, CapturedIntents.class);
        if (captured == null) {
            throw new ParameterResolutionException("A CapturedIntents parameter is only available to test methods ("
                    + parameterContext.getDeclaringExecutable()
                    + " is not one): the scope opens after the @BeforeEach methods and ends before the @AfterEach methods");
        }
        return captured;
    }

    /** The method's {@link AirlockTest} wins over the class's; the default policy when neither has one. */
    private static Class<? extends Policy> policyClass(ExtensionContext context) {
        Optional<AirlockTest> annotation = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, AirlockTest.class));
        if (annotation.isEmpty()) {
            // Nested test classes inherit the annotation of the classes that enclose them.
            for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent()
                    && annotation.isEmpty(); current = current.get().getParent()) {
                annotation = current.get().getTestClass()
                        .flatMap(type -> AnnotationSupport.findAnnotation(type, AirlockTest.class));
            }
        }
        return annotation.<Class<? extends Policy>> map(AirlockTest::policy).orElse(io.quarkiverse.airlock.DropAll.class);
    }

    /** A bean of the running application when there is one, so that policies can inject; else the no-arg constructor. */
    private static Policy instantiate(Class<? extends Policy> type) {
        if (type == Policy.class) {
            throw new ExtensionConfigurationException("@AirlockTest(policy = Policy.class) names no policy: give a class "
                    + "implementing Policy, such as DropAll.class or AssertNoEffects.class");
        }
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            InstanceHandle<? extends Policy> bean = container.instance(type);
            if (bean.isAvailable()) {
                return bean.get();
            }
        }
        try {
            Constructor<? extends Policy> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException("@AirlockTest(policy = " + type.getName() + ".class): the policy "
                    + "is not a bean of the application and has no no-arg constructor; add one, or subclass it with one", e);
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("@AirlockTest(policy = " + type.getName() + ".class): could not "
                    + "create the policy", e);
        }
    }
}
