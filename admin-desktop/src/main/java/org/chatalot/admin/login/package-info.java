/**
 * The first screen: choose or create a connection profile, decide how its certificate is trusted (with the
 * certificate shown and an explicit, warned pin), and sign in with password and, when asked, the 2FA code.
 */
package org.chatalot.admin.login;
