/**
 * What every screen shares and that has no screen of its own: the one {@link org.chatalot.admin.common.TaskRunner}
 * all network and disk work goes through, periodic ticks, notifications and formatting. No JavaFX scene types
 * here, so ViewModels can use all of it in tests without a display.
 */
package org.chatalot.admin.common;
