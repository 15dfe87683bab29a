package it.messaging;

import static it.messaging.Broker.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Controls the local Kafka broker of .ci/services/kafka.sh with that script: stopping it closes every connection and
 * refuses new ones, as an outage does, while its topics and committed offsets stay on disk. The shop is drained when
 * both consumer groups of its topic (Airlock's and the tap's) have committed every record.
 */
@Singleton
public class KafkaBroker implements Broker {

    static final String TOPIC = "airlock-shop";
    static final List<String> GROUPS = List.of("airlock-shop", "airlock-tap");

    /** Maven runs the tests in the module's directory. */
    private static final String SCRIPT = Path.of("../../.ci/services/kafka.sh").toAbsolutePath().normalize().toString();

    private volatile Admin admin;

    @Override
    public void stop() {
        run("bash", SCRIPT, "stop");
    }

    @Override
    public void start() {
        run("bash", SCRIPT, "start");
    }

    @Override
    public boolean drained() {
        try {
            List<TopicPartition> partitions = admin().describeTopics(List.of(TOPIC)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(TOPIC).partitions().stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
            Map<TopicPartition, Long> ends = admin()
                    .listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    if ((offset == null ? 0 : offset.offset()) < ends.get(partition)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (ExecutionException e) {
            // nothing was ever sent to the shop
            return e.getCause() instanceof UnknownTopicOrPartitionException;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"));
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
