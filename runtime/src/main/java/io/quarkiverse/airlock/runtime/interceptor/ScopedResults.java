package io.quarkiverse.airlock.runtime.interceptor;

import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.AbstractMulti;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiSubscriber;

/**
 * The asynchronous results of {@code @AirlockScope} methods, wrapped so that their scope ends with them: flushed on
 * completion, discarded on failure or cancellation. A failure to end the scope reaches the subscriber.
 */
final class ScopedResults {

    /** A method's result and the scope that ends with it. */
    record Ending(AsyncScope scope, Object result) {
    }

    private ScopedResults() {
    }

    static Uni<Object> uni(Ending ending) {
        Uni<?> upstream = (Uni<?>) ending.result();
        Subscriptions subscriptions = new Subscriptions(ending.scope());
        return Uni.createFrom().emitter(emitter -> {
            AsyncScope async = subscriptions.next();
            async.run(() -> {
                Cancellable subscription = upstream.subscribe().with(item -> {
                    Throwable endFailure = async.complete(item);
                    if (endFailure == null) {
                        emitter.complete(item);
                    } else {
                        emitter.fail(endFailure);
                    }
                }, failure -> {
                    async.fail(failure);
                    emitter.fail(failure);
                });
                emitter.onTermination(() -> {
                    if (async.cancel()) {
                        subscription.cancel();
                    }
                });
            });
        });
    }

    /** Items pass one for one as the subscriber requests them: nothing is buffered here. */
    static Multi<Object> multi(Ending ending) {
        Multi<?> upstream = (Multi<?>) ending.result();
        Subscriptions subscriptions = new Subscriptions(ending.scope());
        return new AbstractMulti<Object>() {
            @Override
            public void subscribe(MultiSubscriber<? super Object> downstream) {
                AsyncScope async = subscriptions.next();
                async.run(() -> upstream.subscribe().withSubscriber(new ScopedSubscriber(downstream, async)));
            }
        };
    }

    /** The first subscription ends the scope the method ran in; each later one (a retry) gets a fresh one. */
    private static final class Subscriptions {
        private final AsyncScope first;
        private final AtomicBoolean taken = new AtomicBoolean();

        Subscriptions(AsyncScope first) {
            this.first = first;
        }

        AsyncScope next() {
            return taken.compareAndSet(false, true) ? first : first.again();
        }
    }

    private static final class ScopedSubscriber implements MultiSubscriber<Object>, Flow.Subscription {

        private final MultiSubscriber<? super Object> downstream;
        private final AsyncScope async;
        private volatile Flow.Subscription upstream;

        ScopedSubscriber(MultiSubscriber<? super Object> downstream, AsyncScope async) {
            this.downstream = downstream;
            this.async = async;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            upstream = subscription;
            downstream.onSubscribe(this);
        }

        @Override
        public void request(long n) {
            // items produced in answer run with the scope current
            async.run(() -> upstream.request(n));
        }

        @Override
        public void cancel() {
            async.cancel();
            upstream.cancel();
        }

        @Override
        public void onItem(Object item) {
            downstream.onItem(item);
        }

        @Override
        public void onFailure(Throwable failure) {
            async.fail(failure);
            downstream.onFailure(failure);
        }

        @Override
        public void onCompletion() {
            Throwable endFailure = async.complete(null);
            if (endFailure == null) {
                downstream.onCompletion();
            } else {
                downstream.onFailure(endFailure);
            }
        }
    }
}
