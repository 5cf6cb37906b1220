/**
 * Messages: sending (acknowledged only once durably stored, written in group commits), history pages,
 * edits with their history, soft deletes, reactions, read cursors and unread counts.
 */
package org.chatalot.server.message;
