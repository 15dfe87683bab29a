package io.quarkiverse.airlock.it.docs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.airlock.AirlockTask;

// tag::task[]
@ApplicationScoped
public class WelcomeMails {

    @AirlockTask // the task "sendWelcomeMail"
    void sendWelcomeMail(String name) {
        sent.add(name); // a real handler calls the mailer
    }
    // end::task[]

    private final List<String> sent = new CopyOnWriteArrayList<>();

    List<String> sent() {
        return sent;
    }
    // tag::task[]
}
// end::task[]
