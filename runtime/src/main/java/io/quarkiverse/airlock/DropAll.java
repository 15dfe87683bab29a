package io.quarkiverse.airlock;

/**
 * Nothing escapes; intents stay buffered and inspectable. For dry runs, migrations, fixture loads and tests.
 */
public class DropAll implements Policy {

    @Override
    public boolean allows(Intent intent) {
        return false;
    }

    @Override
    public String toString() {
        return "DropAll";
    }
}
