package io.quarkiverse.airlock.it.docs;

import io.quarkiverse.airlock.BlockTasks;

// tag::no-emails[]
/** Everything but the confirmation email escapes. A no-arg constructor is all @AirlockScope needs. */
public class NoEmails extends BlockTasks {

    public NoEmails() {
        super("sendConfirmationEmail");
    }
}
// end::no-emails[]
