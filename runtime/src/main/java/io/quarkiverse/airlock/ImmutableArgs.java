package io.quarkiverse.airlock;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable view over an array the list owns. Unlike {@code List.of} it keeps {@code null} elements, and it costs
 * one object on top of the copied array.
 */
final class ImmutableArgs extends AbstractList<Object> implements RandomAccess {

    private static final List<Object> EMPTY = List.of();

    private final Object[] values;

    private ImmutableArgs(Object[] values) {
        this.values = values;
    }

    static List<Object> copyOf(Object[] args) {
        return args.length == 0 ? EMPTY : new ImmutableArgs(args.clone());
    }

    @Override
    public Object get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object[] toArray() {
        return values.clone();
    }
}
