/** The channels screen: every channel (private ones and DMs too), who is in one, archive, unarchive, delete. */
package org.chatalot.admin.channels;
