/** The one error body every endpoint answers with, and the codes it may carry. */
package org.chatalot.model.error;
