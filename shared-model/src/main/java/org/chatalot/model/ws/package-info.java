/**
 * The WebSocket protocol at {@code /ws}: JSON text frames {@code {"type":"snake_case", …}}, one sealed
 * hierarchy per direction ({@link org.chatalot.model.ws.ClientMessage}, {@link
 * org.chatalot.model.ws.ServerMessage}), plus the close codes and error codes. docs/protocol.md documents
 * every type; a test keeps the two in step.
 */
package org.chatalot.model.ws;
