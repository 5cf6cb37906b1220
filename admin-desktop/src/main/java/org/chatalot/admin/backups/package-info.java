/** The backups screen: list the server's backup archives, start one, download one to this computer. */
package org.chatalot.admin.backups;
