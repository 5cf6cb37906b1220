/** The signed-in user's own account: profile, password, sessions, two-factor and recovery codes. */
package org.chatalot.server.account;
