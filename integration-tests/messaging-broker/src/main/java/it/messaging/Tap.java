package it.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A second consumer of every message sent to the shop, next to Airlock's: it records the message ids as the broker
 * delivered them, duplicates included (Airlock's consumer drops those). Each broker application subscribes it with
 * its connector and reads the id where that broker carries it.
 */
public abstract class Tap {

    private final List<String> messageIds = new CopyOnWriteArrayList<>();

    protected void record(String messageId) {
        messageIds.add(messageId);
    }

    public List<String> messageIds() {
        return messageIds;
    }

    public void clear() {
        messageIds.clear();
    }
}
