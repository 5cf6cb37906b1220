/** Instance-wide settings an admin changes at run time, persisted so a restart keeps them. */
package org.chatalot.server.settings;
