/**
 * The main window around the screens: sidebar navigation, who is signed in where, notifications, sign-out and
 * the sign-in prompt that appears over the current screen when the session ends, so nothing the admin was
 * doing is lost.
 */
package org.chatalot.admin.shell;
