package dev.jmicro.logger.entries.control;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Entry ids: a name-based UUID of the idempotency key when there is one, so a redelivered event maps to the document
 * that is already there (MongoDB's unique {@code _id} does the de-duplication, no extra index or lookup); a random
 * UUID otherwise.
 */
final class EntryIds {

    private EntryIds() {}

    static String of(String key) {
        return key == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("log-entry:" + key).getBytes(StandardCharsets.UTF_8))
                        .toString();
    }

    /** Whether a client's id could be one of ours; anything else cannot exist and is a bad request. */
    static boolean isWellFormed(String id) {
        try {
            return id != null
                    && id.length() == 36
                    && UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
