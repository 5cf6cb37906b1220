/**
 * Small value types every feature shares (who is acting and from where, why start-up stopped) and the rules
 * for text every feature shows or stores. No dependencies on the features.
 */
package org.chatalot.server.common;
