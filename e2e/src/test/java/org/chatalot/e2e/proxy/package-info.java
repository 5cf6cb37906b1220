/** The server behind real nginx configured by hand the way the reference guide shows, quirks included. */
package org.chatalot.e2e.proxy;
