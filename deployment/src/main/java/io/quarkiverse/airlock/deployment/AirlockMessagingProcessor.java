package io.quarkiverse.airlock.deployment;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;

import io.quarkiverse.airlock.deployment.exception.MissingMessagingExtensionException;
import io.quarkiverse.airlock.runtime.ExecutorNames;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkiverse.airlock.runtime.executor.IntentChannels;
import io.quarkiverse.airlock.runtime.executor.MessagingExecutor;
import io.quarkiverse.airlock.runtime.executor.MessagingIntentConsumer;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanArchiveIndexBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmoAdaptor;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
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
 * connector is present, safe defaults for its Kafka consumer channels, and a generated bean that declares the outgoing channels
 * (one emitter injection point each,
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
    private static final String KAFKA_CONNECTOR = "smallrye-kafka";
    private static final DotName CONNECTOR = DotName.createSimple("io.smallrye.reactive.messaging.annotations.Connector");

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

    /** The channels the executor sends to: the shared one, or one per task of the application. */
    static Set<String> outgoingChannels(AirlockConfig config, AirlockTaskNamesBuildItem taskNames) {
        return channels(config.messaging().channel(), config, taskNames);
    }

    /** The channels Airlock's consumer reads: none when it is turned off. */
    static Set<String> incomingChannels(AirlockConfig config, AirlockTaskNamesBuildItem taskNames) {
        AirlockConfig.Messaging messaging = config.messaging();
        if (!messaging.consumer().enabled()) {
            return new TreeSet<>();
        }
        return channels(messaging.consumer().channel().orElse(messaging.channel()), config, taskNames);
    }

    private static Set<String> channels(String base, AirlockConfig config, AirlockTaskNamesBuildItem taskNames) {
        Set<String> channels = new TreeSet<>();
        if (config.messaging().channelPerTask()) {
            for (String task : taskNames.names()) {
                channels.add(base + "-" + task);
            }
        } else {
            channels.add(base);
        }
        return channels;
    }

    /**
     * Airlock's channels on Kafka get defaults, which the application's own {@code mp.messaging.*.<channel>.*}
     * properties override. The value (de)serializer is for text, the JSON Airlock sends: the connector has none by
     * default, and Quarkus infers none for the channels Airlock generates. A consumer channel's failure strategy is
     * {@code dead-letter-queue}: a record the consumer nacks (its handler failed, its task is unknown here, its payload
     * is not an intent) is written to the topic {@code dead-letter-topic-<channel>} with the reason in its headers, its
     * offset is committed and the next record is handled. The connector's own default, {@code fail}, would stop the
     * channel at the first such record, and with it every later intent.
     */
    @BuildStep
    void kafkaDefaults(AirlockConfig config, Capabilities capabilities, AirlockTaskNamesBuildItem taskNames,
            BeanArchiveIndexBuildItem beanArchive, BuildProducer<RunTimeConfigurationDefaultBuildItem> defaults) {
        if (!messagingUsed(config) || !capabilities.isPresent(Capability.MESSAGING)
                || !QuarkusClassLoader.isClassPresentAtRuntime(KAFKA_METADATA)) {
            return;
        }
        Config properties = ConfigProvider.getConfig();
        Set<String> outgoing = outgoingChannels(config, taskNames);
        Set<String> incoming = incomingChannels(config, taskNames);
        String attached = autoAttachedConnector(beanArchive, properties);
        for (String channel : outgoing) {
            String prefix = kafkaChannel(properties, "outgoing", channel, incoming, attached);
            if (prefix != null) {
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "value.serializer",
                        "org.apache.kafka.common.serialization.StringSerializer"));
            }
        }
        for (String channel : incoming) {
            String prefix = kafkaChannel(properties, "incoming", channel, outgoing, attached);
            if (prefix != null) {
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "value.deserializer",
                        "org.apache.kafka.common.serialization.StringDeserializer"));
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "failure-strategy",
                        "dead-letter-queue"));
            }
        }
    }

    /**
     * The property prefix of {@code channel} when its connector is Kafka, else null. A channel with no connector that
     * the application also uses the other way ({@code otherWay}) stays in the process.
     */
    private static String kafkaChannel(Config properties, String direction, String channel, Set<String> otherWay,
            String attached) {
        String prefix = "mp.messaging." + direction + "." + (channel.contains(".") ? '"' + channel + '"' : channel) + ".";
        String connector = properties.getOptionalValue(prefix + "connector", String.class)
                .orElse(otherWay.contains(channel) ? null : attached);
        return KAFKA_CONNECTOR.equals(connector) ? prefix : null;
    }

    /**
     * The connector Quarkus Messaging attaches to a channel that names none and that nothing in the application feeds:
     * the application's only connector, unless {@code quarkus.messaging.auto-connector-attachment} is off.
     */
    private static String autoAttachedConnector(BeanArchiveIndexBuildItem beanArchive, Config properties) {
        if (!properties.getOptionalValue("quarkus.messaging.auto-connector-attachment", Boolean.class).orElse(true)) {
            return null;
        }
        Set<String> connectors = new TreeSet<>();
        for (AnnotationInstance connector : beanArchive.getIndex().getAnnotations(CONNECTOR)) {
            if (connector.target().kind() == AnnotationTarget.Kind.CLASS) {
                connectors.add(connector.value().asString());
            }
        }
        return connectors.size() == 1 ? connectors.iterator().next() : null;
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
        Set<String> outgoing = outgoingChannels(config, taskNames);
        Set<String> incoming = incomingChannels(config, taskNames);
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
