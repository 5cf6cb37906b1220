/** The invites screen: list codes with their remaining uses, create one with limits, copy its link, revoke it. */
package org.chatalot.admin.invites;
