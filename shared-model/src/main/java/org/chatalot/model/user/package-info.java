/** Users as others see them, roles and account status. */
package org.chatalot.model.user;
