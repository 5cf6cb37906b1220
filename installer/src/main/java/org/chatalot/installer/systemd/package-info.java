/** The systemd unit (hardened, dedicated user) and its environment file (mode 600, may hold secrets). */
package org.chatalot.installer.systemd;
