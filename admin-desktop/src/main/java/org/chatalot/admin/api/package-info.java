/**
 * The admin API client: plain Java over {@code java.net.http}, the wire records of {@code shared-model}, every
 * path in {@link org.chatalot.admin.api.Endpoints}. Turns failures into what an admin can act on: the server's
 * own error message ({@link org.chatalot.admin.api.ApiException}) or why the server could not be reached
 * ({@link org.chatalot.admin.api.ConnectionProblem}). Signs in, refreshes tokens silently and reports an ended
 * session. No JavaFX here: the CLI uses the same client.
 */
package org.chatalot.admin.api;
