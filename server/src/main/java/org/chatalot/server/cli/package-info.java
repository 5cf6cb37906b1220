/**
 * {@code chatalot admin …}: the operator's commands on the box. They talk to the running server over the
 * loopback listener with the token it wrote to {@code DATA_DIR}; {@code restore} instead works on the data
 * directory of a stopped server.
 */
package org.chatalot.server.cli;
