/** The audit log screen: filter by actor, action, target and time, page back in time, export to a file. */
package org.chatalot.admin.audit;
