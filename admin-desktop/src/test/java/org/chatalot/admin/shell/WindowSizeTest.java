package org.chatalot.admin.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The window fits the screen it opens on, whatever its size and scaling (given in scaled units). */
class WindowSizeTest {

    @Test
    void aLargeScreenGetsThePreferredSize() {
        assertThat(WindowSize.fit(2560, 1400)).isEqualTo(new WindowSize(1280, 800, 900, 560));
    }

    @Test
    void aSmallOrHighlyScaledScreenGetsAWindowThatFitsAndCanShrinkToIt() {
        // 1366 × 768 at 150 %: 910 × 512 units, less the task bar
        WindowSize size = WindowSize.fit(910, 472);
        assertThat(size.width()).isLessThanOrEqualTo(910 * 0.9);
        assertThat(size.height()).isLessThanOrEqualTo(472 * 0.9);
        assertThat(size.minWidth()).isLessThanOrEqualTo(size.width());
        assertThat(size.minHeight()).isLessThanOrEqualTo(size.height());
    }

    @Test
    void everyScreenHasAShortcutDigitThatLeadsBackToIt() {
        for (Screen screen : Screen.values()) {
            assertThat(screen.shortcutDigit()).hasValueSatisfying(digit ->
                    assertThat(Screen.byShortcutDigit(digit)).contains(screen));
        }
    }
}
