package org.chatalot.admin.shell;

/**
 * How big the window opens and how small it may go, from the screen's usable area in the window system's units
 * (which already account for display scaling): 1280 × 800 where that fits, never more than 90 % of the screen, and
 * a minimum that a 150 % scaled laptop screen can still hold.
 */
public record WindowSize(double width, double height, double minWidth, double minHeight) {
    static final double PREFERRED_WIDTH = 1280;
    static final double PREFERRED_HEIGHT = 800;
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 560;

    public static WindowSize fit(double screenWidth, double screenHeight) {
        double width = Math.min(PREFERRED_WIDTH, Math.floor(screenWidth * 0.9));
        double height = Math.min(PREFERRED_HEIGHT, Math.floor(screenHeight * 0.9));
        return new WindowSize(width, height, Math.min(MIN_WIDTH, width), Math.min(MIN_HEIGHT, height));
    }
}
