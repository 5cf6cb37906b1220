package org.chatalot.admin.connection;

import javax.net.ssl.SSLContext;

/**
 * Turns a profile's trust mode into the {@link SSLContext} its HTTPS calls use. An interface so the installer's
 * shared trust layer can replace {@link JdkSslContextFactory} once it is on main, without touching callers.
 */
public interface SslContextFactory {
    SSLContext create(TrustMode mode);
}
