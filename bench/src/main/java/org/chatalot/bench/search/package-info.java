/**
 * W9, message search: a data set of a million messages sent through the server's own write path, then
 * searches by members of fewer or more channels, timed from the client.
 */
package org.chatalot.bench.search;
