/**
 * Certificates: a private CA and server certificates signed in-process (local-ca, self-signed), and the
 * exact acme.sh and certbot command lines for public ones, run through the installer's shell.
 */
package org.chatalot.installer.cert;
