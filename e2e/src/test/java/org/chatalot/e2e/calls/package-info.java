/**
 * Calls end to end: two real headless Chromium browsers hold a WebRTC call through the real server's
 * signaling, driven by playwright-core from {@code e2e/browser}.
 */
package org.chatalot.e2e.calls;
