/** Small value types every feature shares: who is acting and from where. No behaviour, no dependencies. */
package org.chatalot.server.common;
