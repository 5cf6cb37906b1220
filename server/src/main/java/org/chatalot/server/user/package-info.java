/** Users: the account rows, the directory every member can search, and public profiles. */
package org.chatalot.server.user;
