/**
 * W8, the web client: headless Chromium loads the client through nginx with TLS and HTTP/2 on loopback and
 * measures what a person feels (first load, time to the first message, channel switch, local echo,
 * interaction latency under incoming traffic, memory of a 10,000-message channel) against the budgets.
 */
package org.chatalot.bench.web;
