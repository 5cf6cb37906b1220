/**
 * {@code chatalot-install upgrade}: replaces an installed release archive with a newer one, backing up the data
 * first and saying how to roll back.
 */
package org.chatalot.installer.upgrade;
