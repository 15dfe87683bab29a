package io.quarkiverse.airlock.deployment;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.airlock.deployment.exception.MissingMessagingExtensionException;
import io.quarkiverse.airlock.runtime.ExecutorNames;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkiverse.airlock.runtime.executor.IntentChannels;
import io.quarkiverse.airlock.runtime.executor.MessagingExecutor;
import io.quarkiverse.airlock.runtime.executor.MessagingIntentConsumer;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmoAdaptor;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.gizmo.BranchResult;
import io.quarkus.gizmo.BytecodeCreator;
import io.quarkus.gizmo.ClassCreator;
import io.quarkus.gizmo.FieldCreator;
import io.quarkus.gizmo.FieldDescriptor;
import io.quarkus.gizmo.MethodCreator;
import io.quarkus.gizmo.MethodDescriptor;
import io.quarkus.gizmo.ResultHandle;

/**
 * The {@code messaging} executor, only with Quarkus Messaging: its beans, the connector metadata mappers whose
 * connector is present, and a generated bean that declares the outgoing channels (one emitter injection point each,
 * since Quarkus Messaging wires channels at build time) and the {@code @Incoming} consumer methods.
 */
class AirlockMessagingProcessor {

    static final String CHANNELS_CLASS = "io.quarkiverse.airlock.runtime.executor.AirlockIntentChannels";

    private static final String CHANNEL = "org.eclipse.microprofile.reactive.messaging.Channel";
    private static final String INCOMING = "org.eclipse.microprofile.reactive.messaging.Incoming";
    private static final String MESSAGE = "org.eclipse.microprofile.reactive.messaging.Message";
    private static final String MUTINY_EMITTER = "io.smallrye.reactive.messaging.MutinyEmitter";
    private static final String EMITTER_SIGNATURE = "L" + MUTINY_EMITTER.replace('.', '/') + "<Ljava/lang/String;>;";
    private static final String CONSUMER_SIGNATURE = "(L" + MESSAGE.replace('.', '/')
            + "<Ljava/lang/Object;>;)Ljava/util/concurrent/CompletionStage<Ljava/lang/Void;>;";
    private static final String RABBITMQ_METADATA = "io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata";
    private static final String KAFKA_METADATA = "io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata";

    /** Whether the application sends intents through Quarkus Messaging: directly, or from the outbox relay. */
    static boolean messagingUsed(AirlockConfig config) {
        return ExecutorNames.MESSAGING.equals(config.executor())
                || config.outbox().enabled()
                        && ExecutorNames.MESSAGING.equals(config.outbox().delivery().orElse(config.executor()));
    }

    @BuildStep
    void requireMessaging(AirlockConfig config, Capabilities capabilities,
            BuildProducer<ValidationErrorBuildItem> errors) {
        if (messagingUsed(config) && !capabilities.isPresent(Capability.MESSAGING)) {
            // name the property that asked for it: the outbox's delivery, when the outbox sends through messaging
            boolean byOutbox = config.outbox().enabled() && config.outbox().delivery().isPresent()
                    && ExecutorNames.MESSAGING.equals(config.outbox().delivery().get());
            String property = byOutbox ? "quarkus.airlock.outbox.delivery" : "quarkus.airlock.executor";
            errors.produce(new ValidationErrorBuildItem(new MissingMessagingExtensionException(property
                    + "=messaging needs Quarkus Messaging, which this application lacks. Add the "
                    + "io.quarkus:quarkus-messaging extension, or a connector extension such as "
                    + "quarkus-messaging-kafka, quarkus-messaging-amqp or quarkus-messaging-rabbitmq; or set " + property
                    + " to another executor.")));
        }
    }

    @BuildStep
    void beans(AirlockConfig config, Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (!messagingUsed(config) || !capabilities.isPresent(Capability.MESSAGING)) {
            return;
        }
        AdditionalBeanBuildItem.Builder builder = AdditionalBeanBuildItem.builder().setUnremovable()
                .addBeanClasses(MessagingExecutor.class, MessagingIntentConsumer.class);
        if (QuarkusClassLoader.isClassPresentAtRuntime(RABBITMQ_METADATA)) {
            builder.addBeanClass("io.quarkiverse.airlock.runtime.executor.RabbitMQIntentMetadata");
        }
        if (QuarkusClassLoader.isClassPresentAtRuntime(KAFKA_METADATA)) {
            builder.addBeanClass("io.quarkiverse.airlock.runtime.executor.KafkaIntentMetadata");
        }
        beans.produce(builder.build());
    }

    /**
     * Generates {@code AirlockIntentChannels}: an emitter field per outgoing channel, {@code emitter(String)} to look
     * one up by name, and an {@code @Incoming} method per consumer channel that hands the message to
     * {@link MessagingIntentConsumer}.
     */
    @BuildStep
    void channels(AirlockConfig config, Capabilities capabilities, AirlockTaskNamesBuildItem taskNames,
            BuildProducer<GeneratedBeanBuildItem> generated) {
        if (!messagingUsed(config) || !capabilities.isPresent(Capability.MESSAGING)) {
            return;
        }
        AirlockConfig.Messaging messaging = config.messaging();
        String incomingBase = messaging.consumer().channel().orElse(messaging.channel());
        Set<String> outgoing = new TreeSet<>();
        Set<String> incoming = new TreeSet<>();
        if (messaging.channelPerTask()) {
            for (String task : taskNames.names()) {
                outgoing.add(messaging.channel() + "-" + task);
                incoming.add(incomingBase + "-" + task);
            }
        } else {
            outgoing.add(messaging.channel());
            incoming.add(incomingBase);
        }
        if (!messaging.consumer().enabled()) {
            incoming.clear();
        }
        try (ClassCreator channels = ClassCreator.builder().classOutput(new GeneratedBeanGizmoAdaptor(generated))
                .className(CHANNELS_CLASS).interfaces(IntentChannels.class).build()) {
            channels.addAnnotation(Singleton.class);

            MethodCreator lookup = channels.getMethodCreator("emitter", MUTINY_EMITTER, String.class);
            int index = 0;
            for (String channel : outgoing) {
                FieldCreator field = channels.getFieldCreator("emitter" + index++, MUTINY_EMITTER).setModifiers(0);
                field.setSignature(EMITTER_SIGNATURE);
                field.addAnnotation(Inject.class);
                field.addAnnotation(CHANNEL).addValue("value", channel);
                BranchResult matches = lookup.ifTrue(lookup.invokeVirtualMethod(
                        MethodDescriptor.ofMethod(Object.class, "equals", boolean.class, Object.class),
                        lookup.load(channel), lookup.getMethodParam(0)));
                BytecodeCreator found = matches.trueBranch();
                found.returnValue(found.readInstanceField(field.getFieldDescriptor(), found.getThis()));
            }
            lookup.returnNull();

            if (!incoming.isEmpty()) {
                FieldCreator consumerField = channels.getFieldCreator("consumer", MessagingIntentConsumer.class)
                        .setModifiers(0);
                consumerField.addAnnotation(Inject.class);
                FieldDescriptor consumer = consumerField.getFieldDescriptor();
                index = 0;
                for (String channel : incoming) {
                    MethodCreator consume = channels.getMethodCreator("consume" + index++, CompletionStage.class,
                            MESSAGE);
                    consume.setSignature(CONSUMER_SIGNATURE);
                    consume.addAnnotation(INCOMING).addValue("value", channel);
                    ResultHandle target = consume.readInstanceField(consumer, consume.getThis());
                    consume.returnValue(consume.invokeVirtualMethod(
                            MethodDescriptor.ofMethod(MessagingIntentConsumer.class, "consume", CompletionStage.class,
                                    MESSAGE),
                            target, consume.getMethodParam(0)));
                }
            }
        }
    }
}
