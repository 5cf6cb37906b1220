package org.chatalot.admin.testing;

import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.JdkSslContextFactory;

/** A stub server and a connection to it, signed in as the owner, for ViewModel tests. */
public final class StubFixture implements AutoCloseable {
    private final StubAdminServer stub;
    private final ServerConnection connection;
    private final ImmediateTaskRunner runner = new ImmediateTaskRunner();

    public StubFixture() throws Exception {
        stub = new StubAdminServer();
        connection = ServerConnection.open(ConnectionProfile.of("stub", stub.url().toString()).withUsername("owner"),
                new JdkSslContextFactory(), TokenListener.NONE);
        connection.session().login("owner", StubAdminServer.PASSWORD, null);
    }

    public StubAdminServer stub() {
        return stub;
    }

    public ServerConnection connection() {
        return connection;
    }

    public ImmediateTaskRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        stub.close();
    }
}
