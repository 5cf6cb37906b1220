/** Messages, their edits and reactions, and history pages. */
package org.chatalot.model.message;
