package org.exchange.platform.deadletter;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Reads the dead-letter topics of the topics this service listens to and keeps what its own consumer group parked
 * there ({@link DeadLetters}). It reads them as a group of its own ({@code <group>.dead-letters}), so every record is
 * kept once however many instances run, and it retries for as long as the database refuses (it never dead-letters a
 * dead letter).
 */
class DeadLetterArchive implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterArchive.class);

    private final KafkaListenerEndpointRegistry registry;
    private final AbstractKafkaListenerContainerFactory<?, ?, ?> factory;
    private final DeadLetters deadLetters;
    private MessageListenerContainer container;

    DeadLetterArchive(KafkaListenerEndpointRegistry registry, AbstractKafkaListenerContainerFactory<?, ?, ?> factory,
            DeadLetters deadLetters) {
        this.registry = registry;
        this.factory = factory;
        this.deadLetters = deadLetters;
    }

    /** This group's listener of {@code topic}: where a replayed record goes. */
    @SuppressWarnings("unchecked")
    static Optional<GenericMessageListener<ConsumerRecord<String, byte[]>>> listenerOf(
            KafkaListenerEndpointRegistry registry, String topic) {
        return registry.getListenerContainers().stream()
                .filter(container -> listensTo(container, topic))
                .map(container -> container.getContainerProperties().getMessageListener())
                .filter(GenericMessageListener.class::isInstance)
                .map(listener -> (GenericMessageListener<ConsumerRecord<String, byte[]>>) listener)
                .findFirst();
    }

    @Override
    public synchronized void start() {
        Set<String> deadLetterTopics = new LinkedHashSet<>();
        registry.getListenerContainers().forEach(container -> {
            String[] topics = container.getContainerProperties().getTopics();
            if (topics != null) {
                for (String topic : topics) {
                    deadLetterTopics.add(Topics.deadLetter(topic));
                }
            }
        });
        if (deadLetterTopics.isEmpty()) {
            return;
        }
        AbstractMessageListenerContainer<?, ?> dlt = (AbstractMessageListenerContainer<?, ?>) factory
                .createContainer(deadLetterTopics.toArray(String[]::new));
        dlt.getContainerProperties().setGroupId(deadLetters.consumerGroup() + ".dead-letters");
        dlt.getContainerProperties().setMessageListener(
                (MessageListener<String, byte[]>) deadLetters::keep);
        dlt.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(2000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        dlt.setBeanName(deadLetters.consumerGroup() + "-dead-letters");
        dlt.start();
        container = dlt;
        log.info("Keeping what {} parks on {}", deadLetters.consumerGroup(), deadLetterTopics);
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return container != null;
    }

    /** After the service's own listener containers, which are registered by then. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE + 1;
    }

    private static boolean listensTo(MessageListenerContainer container, String topic) {
        String[] topics = container.getContainerProperties().getTopics();
        if (topics == null) {
            return false;
        }
        for (String candidate : topics) {
            if (candidate.equals(topic)) {
                return true;
            }
        }
        return false;
    }
}
