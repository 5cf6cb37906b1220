/**
 * The apply steps behind each CLI command: install the rendered files, validate them with the proxy's own
 * checker, roll back on a rejection, reload only when something changed. All through the Shell.
 */
package org.chatalot.installer.apply;
