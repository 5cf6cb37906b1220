/** Screenshots of the real window for the admin app's documentation, taken under Xvfb on request. */
package org.chatalot.admin.docs;
