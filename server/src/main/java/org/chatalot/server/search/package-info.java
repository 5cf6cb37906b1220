/**
 * Message search: the word index the database keeps beside messages (maintained in the message's own
 * transaction), its background fill for messages older than the index, and the search endpoint, which reads
 * only the channels its caller is a member of.
 */
package org.chatalot.server.search;
