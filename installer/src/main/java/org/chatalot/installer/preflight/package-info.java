/** Checks of the box itself before anything is installed: Java, ports, memory, disk, DNS, tools. */
package org.chatalot.installer.preflight;
