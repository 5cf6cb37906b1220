/** The settings screen: what an admin may change while the server runs (registration mode, limits, retention). */
package org.chatalot.admin.settings;
