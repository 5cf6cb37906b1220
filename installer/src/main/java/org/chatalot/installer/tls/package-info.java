/**
 * Certificate trust for every HTTPS client we ship (the doctor, the admin app): system CAs, an explicit CA
 * file, or a pinned SHA-256 certificate fingerprint. There is deliberately no way to trust everything.
 */
package org.chatalot.installer.tls;
