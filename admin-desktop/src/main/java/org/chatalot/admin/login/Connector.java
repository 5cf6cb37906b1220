package org.chatalot.admin.login;

import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.connection.ConnectionProfile;

/** Opens a connection for a profile; tests substitute it to count or fake connections. */
@FunctionalInterface
public interface Connector {
    ServerConnection open(ConnectionProfile profile, TokenListener listener);
}
