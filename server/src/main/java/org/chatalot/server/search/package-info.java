/**
 * Message search: the Lucene index beside the database (a copy of the messages' words, kept after each commit
 * and filled in again from the database at start), and the search endpoint, which reads only the channels its
 * caller is a member of.
 */
package org.chatalot.server.search;
