/**
 * The typed failures services throw. They know nothing of HTTP; {@code http.ErrorResponses} is the one
 * place that turns them into status codes and the JSON error body.
 */
package org.chatalot.server.error;
