package org.chatalot.admin.common;

import java.time.Duration;

/**
 * Calls back on the UI thread at a fixed period: health polling and periodic deployment checks. Each tick only
 * submits work to the {@link TaskRunner}; it never does the work itself.
 */
public interface Ticker {

    /** Starts ticking after one period; cancel the handle to stop. */
    TaskHandle every(Duration period, Runnable onUiThread);
}
