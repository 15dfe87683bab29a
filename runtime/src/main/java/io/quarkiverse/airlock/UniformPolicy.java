package io.quarkiverse.airlock;

/**
 * A built-in policy whose verdict at flush is the same for every intent.
 */
abstract class UniformPolicy implements Policy {

    private final boolean verdict;
    private final String name;

    UniformPolicy(boolean verdict, String name) {
        this.verdict = verdict;
        this.name = name;
    }

    @Override
    public boolean allows(Intent intent) {
        return verdict;
    }

    @Override
    public String toString() {
        return name;
    }
}
