package org.chatalot.admin.connection;

import javax.net.ssl.SSLContext;

/**
 * Turns a profile's trust mode into the {@link SSLContext} its HTTPS calls use ({@link JdkSslContextFactory}, over
 * the installer's trust layer). An interface so a test can hand the app its own.
 */
public interface SslContextFactory {
    SSLContext create(TrustMode mode);
}
