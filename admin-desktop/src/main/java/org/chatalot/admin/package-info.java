/** The JavaFX admin app and its headless CLI. Built out in the admin desktop issue. */
package org.chatalot.admin;
