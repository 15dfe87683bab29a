package io.quarkiverse.airlock.test.directcall;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.AbstractStringAssert;

/** What the build says of the direct call in {@link Orders}, whether it warns or fails. */
final class DirectCallReport {

    private DirectCallReport() {
    }

    /** Where the call is: class, method and line. */
    static String callSite() {
        return Orders.class.getName() + "#checkout (line " + SourceLines.lineOf(Orders.class, "// direct call") + ")";
    }

    /**
     * Asserts that the report names the call site, the task it calls and the way through Airlock, and leaves out the
     * calls the probe marks.
     */
    static AbstractStringAssert<?> assertReportsTheCall(String report) {
        return assertThat(report)
                .contains(callSite())
                .contains("'notifyWarehouse'")
                .contains("Airlock.enqueue(")
                .doesNotContain("Probe");
    }
}
