package dev.bridle.internal.platform.twitter;

import dev.bridle.platform.PlatformException;

/** Sending a one-to-one direct message. */
interface Messages {

    /** Sends {@code text} to {@code recipientId}; returns the message event's id. */
    String send(Session session, String recipientId, String text) throws PlatformException;
}
