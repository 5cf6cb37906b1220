package org.chatalot.server.message;

import java.util.UUID;

import org.chatalot.model.message.UserRef;

/**
 * Who a new message is from, as shown beside it. Answered from a cache that the account feature keeps
 * fresh (a changed display name shows on the next message), so sending costs no query for the sender.
 */
@FunctionalInterface
public interface Senders {
    UserRef of(UUID userId);
}
