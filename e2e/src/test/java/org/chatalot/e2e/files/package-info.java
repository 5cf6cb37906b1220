/**
 * File sharing end to end: uploads through a real nginx with TLS configured like the docs, and the on-demand
 * upload benchmark (nginx into Chatalot versus nginx into a sink that discards the body).
 */
package org.chatalot.e2e.files;
