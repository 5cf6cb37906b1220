/**
 * The web client end to end: real Chromium (Debian's, driven by Playwright) signs in and chats through the
 * installer's own nginx site with a real certificate chain the browser is made to trust, against the real
 * server. Tests find controls by role and label, and wait for what the page shows, never for a time.
 */
package org.chatalot.e2e.web;
