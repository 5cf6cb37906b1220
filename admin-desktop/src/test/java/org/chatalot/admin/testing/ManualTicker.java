package org.chatalot.admin.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.chatalot.admin.common.TaskHandle;
import org.chatalot.admin.common.Ticker;

/** A ticker the test advances by hand: no sleeping, no flaky timing. */
public final class ManualTicker implements Ticker {
    private final List<Runnable> active = new ArrayList<>();
    private Duration lastPeriod;

    @Override
    public TaskHandle every(Duration period, Runnable onUiThread) {
        lastPeriod = period;
        active.add(onUiThread);
        return () -> active.remove(onUiThread);
    }

    public void tick() {
        new ArrayList<>(active).forEach(Runnable::run);
    }

    public int activeCount() {
        return active.size();
    }

    public Duration lastPeriod() {
        return lastPeriod;
    }
}
