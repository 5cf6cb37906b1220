/** The About box: the product version and the runtime the app runs on. */
package org.chatalot.admin.about;
