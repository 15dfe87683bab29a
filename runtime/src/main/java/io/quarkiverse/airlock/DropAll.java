package io.quarkiverse.airlock;

/**
 * Nothing escapes; intents stay buffered and inspectable. For dry runs, migrations, fixture loads and tests.
 */
public class DropAll extends UniformPolicy {

    public DropAll() {
        super(false, "DropAll");
    }
}
