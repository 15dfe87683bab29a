package io.quarkiverse.airlock.runtime.interceptor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.spi.TaskHandler;

/**
 * State of the migration aid that turns direct calls to {@code @AirlockTask} methods into intents. Airlock's own
 * dispatch calls the same methods through the same interceptor: it marks the call it is about to make, and the
 * interceptor lets exactly that call through. Only with {@code quarkus.airlock.intercept-direct-calls=true} does the
 * build mark Airlock's calls; otherwise no handler call touches the thread-local.
 */
public final class DirectCalls {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    private static final ThreadLocal<Boolean> DISPATCHING = new ThreadLocal<>();
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private DirectCalls() {
    }

    /** Warnings are given once per call site and application start. */
    public static void forgetWarnings() {
        WARNED.clear();
    }

    /** Calls a handler on behalf of Airlock: the interceptor does not buffer this call. */
    public static Object dispatch(TaskHandler.Call call, Object[] args) throws Exception {
        DISPATCHING.set(Boolean.TRUE);
        try {
            return call.invoke(args);
        } finally {
            DISPATCHING.remove();
        }
    }

    /**
     * Whether the intercepted call is Airlock's own dispatch. Consumes the mark, so a handler that itself calls
     * another task directly is intercepted like any other code.
     */
    static boolean admitDispatch() {
        if (DISPATCHING.get() == null) {
            return false;
        }
        DISPATCHING.remove();
        return true;
    }

    /** Warns once per call site. */
    static void buffered(String task, String callSite) {
        if (WARNED.add(callSite + "->" + task)) {
            LOG.warnf("Airlock: the direct call to @AirlockTask '%s' at %s was buffered as an intent of the current"
                    + " scope because quarkus.airlock.intercept-direct-calls=true. Replace it with"
                    + " Airlock.enqueue(\"%s\", ...): the interception is a migration aid, not the steady state.",
                    task, callSite, task);
        }
    }

    /** Warns once per call site about a call that cannot be buffered because its caller uses the result. */
    static void notBuffered(String task, String callSite, Class<?> returnType) {
        if (WARNED.add(callSite + "->" + task)) {
            LOG.warnf("Airlock: the direct call to @AirlockTask '%s' at %s ran at once, inside a scope: its caller"
                    + " expects a %s, which a buffered intent cannot give. Enqueue the task instead of calling it.",
                    task, callSite, returnType.getName());
        }
    }

    /** The first frame outside Airlock, ArC and the generated subclass or client proxy: the code that made the call. */
    static String callSite() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> isApplication(frame.getClassName()))
                .findFirst()
                .map(frame -> frame.getClassName() + "#" + frame.getMethodName()
                        + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : ""))
                .orElse("an unknown call site"));
    }

    private static boolean isApplication(String className) {
        return !(className.startsWith("io.quarkiverse.airlock.runtime.")
                || className.startsWith("io.quarkus.arc.")
                || className.startsWith("java.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.")
                || className.contains("_Subclass")
                || className.contains("_ClientProxy"));
    }
}
