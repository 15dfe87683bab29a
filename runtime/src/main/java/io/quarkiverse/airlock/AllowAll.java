package io.quarkiverse.airlock;

/**
 * Every intent escapes. The default policy.
 */
public class AllowAll implements Policy {

    @Override
    public boolean allows(Intent intent) {
        return true;
    }

    @Override
    public String toString() {
        return "AllowAll";
    }
}
