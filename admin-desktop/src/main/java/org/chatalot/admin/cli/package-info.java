/**
 * {@code chatalot-admin} without a window, for cron and scripts: {@code check URL} (exit 0 pass, 1 warnings,
 * 2 failures) and {@code users list}. Same trust options and API client as the app.
 */
package org.chatalot.admin.cli;
