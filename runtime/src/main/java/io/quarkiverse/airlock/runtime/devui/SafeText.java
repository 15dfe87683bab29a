package io.quarkiverse.airlock.runtime.devui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns arguments, options, policies and errors into short plain text for the Dev UI. Whether a value's
 * {@code toString()} throws (an exception, an {@link AssertionError}, a stack overflow from endless recursion) or
 * returns megabytes, the result is bounded and the caller goes on; only errors of the virtual machine itself, such as
 * running out of memory, propagate. A {@code toString()} that never returns blocks its caller: nothing here can stop
 * it. Control characters are escaped so one value stays one line; HTML needs no escaping here because the page
 * renders text, never markup.
 */
public final class SafeText {

    /** Longest rendering kept, in characters; the rest is replaced by a note saying how much was cut. */
    public static final int LIMIT = 300;

    private SafeText() {
    }

    /** A value as the Dev UI shows it: strings in double quotes, everything else through its {@code toString()}. */
    public static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence) {
            CharSequence text = (CharSequence) value;
            int length;
            CharSequence head;
            try {
                length = text.length();
                head = text.subSequence(0, Math.min(length, LIMIT));
            } catch (Throwable e) {
                return failed(value, e);
            }
            return '"' + bounded(head.toString(), length) + '"';
        }
        return text(value);
    }

    /** {@code value.toString()}, bounded and escaped. */
    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        String text;
        try {
            text = String.valueOf(value.toString());
        } catch (Throwable e) {
            return failed(value, e);
        }
        return bounded(text, text.length());
    }

    /** A name for a policy or an executor: its own {@code toString()} when it has one, otherwise its class name. */
    public static String name(Object component) {
        if (component == null) {
            return "none";
        }
        String text = text(component);
        String type = component.getClass().getName();
        if (text.startsWith(type + "@")) {
            String simple = component.getClass().getSimpleName();
            return simple.isEmpty() ? type : simple;
        }
        return text;
    }

    /** What an error says: its class and message, bounded. */
    public static String error(Throwable failure) {
        return failure == null ? null : text(failure);
    }

    static List<String> values(List<Object> values) {
        return each(values, SafeText::value);
    }

    static Map<String, String> options(Map<String, Object> options) {
        if (options.isEmpty()) {
            return Map.of();
        }
        Map<String, String> rendered = new LinkedHashMap<>();
        options.forEach((key, value) -> rendered.put(text(key), value(value)));
        return Collections.unmodifiableMap(rendered);
    }

    static List<String> names(List<?> components) {
        return each(components, SafeText::name);
    }

    private static <T> List<String> each(List<T> items, Function<? super T, String> render) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<String> rendered = new ArrayList<>(items.size());
        for (T item : items) {
            rendered.add(render.apply(item));
        }
        return Collections.unmodifiableList(rendered);
    }

    /**
     * The note shown instead of a value whose rendering threw. Errors of the virtual machine itself (out of memory, an
     * internal error) are not the value's to report and go on up; a stack overflow is, once the stack has unwound.
     */
    private static String failed(Object value, Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
        return "<" + value.getClass().getName() + ": toString() threw " + e.getClass().getName() + ">";
    }

    private static String bounded(String text, int fullLength) {
        boolean cut = fullLength > LIMIT;
        String head = cut ? text.substring(0, Math.min(text.length(), LIMIT)) : text;
        StringBuilder out = null;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(head.length() + 16).append(head, 0, i);
                }
                switch (c) {
                    case '\n':
                        out.append("\\n");
                        break;
                    case '\r':
                        out.append("\\r");
                        break;
                    case '\t':
                        out.append("\\t");
                        break;
                    default:
                        out.append(String.format("\\u%04x", (int) c));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        String result = out == null ? head : out.toString();
        return cut ? result + "… (" + fullLength + " characters)" : result;
    }
}
