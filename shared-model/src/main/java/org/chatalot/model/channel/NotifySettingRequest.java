package org.chatalot.model.channel;

/** {@code PUT /api/channels/{id}/notifications}: {@code level} null (or left out) goes back to the default. */
public record NotifySettingRequest(NotifyLevel level) {
}
