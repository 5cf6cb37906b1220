/**
 * HTTP plumbing shared by every feature: JSON bodies with limits, the one error writer, request ids,
 * client identity behind trusted proxies, security headers, rate limits, route helpers.
 */
package org.chatalot.server.http;
