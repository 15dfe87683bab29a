package io.quarkiverse.airlock.it.docs;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Policy;

// tag::mail-switch[]
/** Drops every email task while shop.mail.enabled is false. */
@ApplicationScoped
public class MailSwitch implements Policy {

    @ConfigProperty(name = "shop.mail.enabled", defaultValue = "true")
    boolean mailEnabled;

    @Override
    public boolean allows(Intent intent) {
        return mailEnabled || !intent.name().endsWith("Email");
    }

    @Override
    public String toString() {
        return "MailSwitch[" + (mailEnabled ? "on" : "off") + "]";
    }
}
// end::mail-switch[]
