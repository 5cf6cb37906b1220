/**
 * The admin app against the real server: its API client and ViewModels over plain HTTP, and its trust modes
 * and CLI through real nginx with certificates from a local CA made in the test.
 */
package org.chatalot.e2e.desktop;
