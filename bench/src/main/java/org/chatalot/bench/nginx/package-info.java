/**
 * The TLS front for the upload workload: nginx from Debian run as our own process from a temporary folder,
 * with a throwaway self-signed certificate, proxying as the installer's site configuration does.
 */
package org.chatalot.bench.nginx;
