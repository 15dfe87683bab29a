package io.quarkiverse.airlock;

/**
 * Every intent escapes. The default policy.
 */
public class AllowAll extends UniformPolicy {

    public AllowAll() {
        super(true, "AllowAll");
    }
}
