/** Health reports: the public probe body and the detailed report for admins and the loopback listener. */
package org.chatalot.model.health;
