/** The users screen: search, sort and page through accounts, create them, and act on one with confirmation. */
package org.chatalot.admin.users;
