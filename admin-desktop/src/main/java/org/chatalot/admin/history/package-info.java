/**
 * Watching a server over time: the background checks that run while the app is open ({@link
 * org.chatalot.admin.history.Monitor}), each profile's history in a small private file that survives restarts
 * ({@link org.chatalot.admin.history.HistoryStore}), what got worse between two results (and so deserves a
 * notification), and the history screen over 24 h, 7 d and 30 d.
 */
package org.chatalot.admin.history;
