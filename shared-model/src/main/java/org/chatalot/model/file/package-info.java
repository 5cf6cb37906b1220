/** Uploaded files and their metadata. */
package org.chatalot.model.file;
