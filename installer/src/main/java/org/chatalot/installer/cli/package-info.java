/**
 * {@code chatalot-install}: picocli commands over the plan/apply library. Exit codes: 0 done, 1 a step
 * failed (or, for verify, a warning), 2 invalid input (or, for verify, a failure).
 */
package org.chatalot.installer.cli;
