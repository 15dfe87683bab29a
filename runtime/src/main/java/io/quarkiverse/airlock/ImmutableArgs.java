package io.quarkiverse.airlock;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * An intent's arguments: unmodifiable, keeping {@code null} elements (unlike {@code List.of}), and as small as an
 * enqueue can make them. One per intent, so its size is part of every enqueue: it extends
 * {@link AbstractCollection} rather than {@code AbstractList}, whose modification counter would add a field to every
 * instance of a list that is never modified.
 */
abstract class ImmutableArgs extends AbstractCollection<Object> implements List<Object>, RandomAccess {

    private static final List<Object> EMPTY = new None();

    /** The arguments of a call, copied: the caller's array may change afterwards. */
    static List<Object> copyOf(Object[] args) {
        switch (args.length) {
            case 0:
                return EMPTY;
            case 1:
                // most tasks take one argument (an id): one object, and the caller's array is not kept
                return new One(args[0]);
            default:
                return new Many(args.clone());
        }
    }

    /** The arguments of a one-argument call. */
    static List<Object> of(Object arg) {
        return new One(arg);
    }

    /** No arguments: one list shared by every intent without any, in-process actions included. */
    static List<Object> none() {
        return EMPTY;
    }

    /** No arguments. */
    private static final class None extends ImmutableArgs {
        @Override
        public Object get(int index) {
            throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length 0");
        }

        @Override
        public int size() {
            return 0;
        }
    }

    private static final class One extends ImmutableArgs {
        private final Object value;

        One(Object value) {
            this.value = value;
        }

        @Override
        public Object get(int index) {
            if (index != 0) {
                throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length 1");
            }
            return value;
        }

        @Override
        public int size() {
            return 1;
        }
    }

    private static final class Many extends ImmutableArgs {
        private final Object[] values;

        Many(Object[] values) {
            this.values = values;
        }

        @Override
        public Object get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    @Override
    public Object[] toArray() {
        Object[] copy = new Object[size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = get(i);
        }
        return copy;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Object next() {
                if (next >= size()) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    @Override
    public int indexOf(Object o) {
        for (int i = 0; i < size(); i++) {
            if (o == null ? get(i) == null : o.equals(get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        for (int i = size() - 1; i >= 0; i--) {
            if (o == null ? get(i) == null : o.equals(get(i))) {
                return i;
            }
        }
        return -1;
    }

    // rarely asked of arguments: served by an unmodifiable copy

    @Override
    public ListIterator<Object> listIterator() {
        return copy().listIterator();
    }

    @Override
    public ListIterator<Object> listIterator(int index) {
        return copy().listIterator(index);
    }

    @Override
    public List<Object> subList(int fromIndex, int toIndex) {
        return copy().subList(fromIndex, toIndex);
    }

    private List<Object> copy() {
        return Collections.unmodifiableList(Arrays.asList(toArray()));
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof List)) {
            return false;
        }
        List<?> other = (List<?>) o;
        if (other.size() != size()) {
            return false;
        }
        Iterator<?> theirs = other.iterator();
        for (int i = 0; i < size(); i++) {
            Object mine = get(i);
            Object their = theirs.next();
            if (mine == null ? their != null : !mine.equals(their)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < size(); i++) {
            Object element = get(i);
            hash = 31 * hash + (element == null ? 0 : element.hashCode());
        }
        return hash;
    }

    // unmodifiable

    @Override
    public boolean addAll(int index, Collection<?> c) {
        throw readOnly();
    }

    @Override
    public Object set(int index, Object element) {
        throw readOnly();
    }

    @Override
    public void add(int index, Object element) {
        throw readOnly();
    }

    @Override
    public Object remove(int index) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("An intent's arguments cannot be changed");
    }
}
