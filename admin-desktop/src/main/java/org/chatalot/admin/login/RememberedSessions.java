package org.chatalot.admin.login;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.connection.SecretStore;

/**
 * "Remember me": keeps a profile's latest refresh token in the secret store, replacing it at every rotation
 * (a spent token would sign the session out), and removes it on sign-out or when not wanted.
 */
public final class RememberedSessions {
    private static final Logger LOG = Logger.getLogger(RememberedSessions.class.getName());

    private final SecretStore secrets;

    public RememberedSessions(SecretStore secrets) {
        this.secrets = secrets;
    }

    public Optional<String> refreshToken(String profile) throws IOException {
        return secrets.read(profile);
    }

    public void forget(String profile) throws IOException {
        secrets.delete(profile);
    }

    public TokenListener listener(String profile, boolean remember) {
        if (!remember) {
            try {
                secrets.delete(profile);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not remove the remembered session of " + profile, e);
            }
            return TokenListener.NONE;
        }
        return new TokenListener() {
            @Override
            public void refreshTokenChanged(String refreshToken) {
                store(() -> secrets.write(profile, refreshToken));
            }

            @Override
            public void signedOut() {
                store(() -> secrets.delete(profile));
            }
        };
    }

    private static void store(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            // the session still works; only the next start will ask for the password again
            LOG.log(Level.WARNING, "could not update the remembered session", e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
