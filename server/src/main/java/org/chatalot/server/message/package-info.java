/**
 * Messages: sending (queued without waiting, written in group commits, acknowledged and announced only once
 * durably stored), history pages, edits with their history, soft deletes, reactions, read cursors and
 * unread counts.
 */
package org.chatalot.server.message;
