/**
 * Side effects, all through {@link org.chatalot.installer.exec.Shell}: the real shell changes the machine,
 * the dry-run shell prints the same steps, so {@code --dry-run} shows exactly what a real run would do.
 */
package org.chatalot.installer.exec;
