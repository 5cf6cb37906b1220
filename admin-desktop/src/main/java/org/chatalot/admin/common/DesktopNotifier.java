package org.chatalot.admin.common;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Notifications. JavaFX has none of its own, so: always the in-app banner (it stays until dismissed, and the
 * desktop one may be missed), plus a desktop notification where this desktop offers one: {@code java.awt}'s
 * system tray where it is supported (Windows, macOS, Linux desktops with a tray), else {@code notify-send}
 * (libnotify, which GNOME has without a tray). {@link #channel()} says which this machine uses.
 */
public final class DesktopNotifier implements Notifier, AutoCloseable {
    /** How a notification reaches the admin. */
    public enum Channel {
        SYSTEM_TRAY("desktop notification (system tray) and in-app banner"),
        NOTIFY_SEND("desktop notification (notify-send) and in-app banner"),
        BANNER_ONLY("in-app banner only (this desktop has no system tray or notify-send)");

        private final String description;

        Channel(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final BiConsumer<String, String> inAppBanner;
    private Channel channel;
    private Path notifySend;
    private TrayIcon trayIcon;

    public DesktopNotifier(BiConsumer<String, String> inAppBanner) {
        this.inAppBanner = inAppBanner;
    }

    /** The banner at once (on the UI thread, where this is called); the desktop part off it. */
    @Override
    public void notify(String title, String message) {
        inAppBanner.accept(title, message);
        Thread.ofPlatform().daemon().name("admin-notify").start(() -> {
            switch (detect()) {
                case SYSTEM_TRAY -> EventQueue.invokeLater(() -> tray(title, message));
                case NOTIFY_SEND -> notifySend(title, message);
                case BANNER_ONLY -> {
                }
            }
        });
    }

    @Override
    public String channel() {
        return detect().description();
    }

    /** Decided once: asking AWT about the tray starts its toolkit, which a headless run must never do. */
    synchronized Channel detect() {
        if (channel == null) {
            notifySend = findNotifySend().orElse(null);
            channel = !GraphicsEnvironment.isHeadless() && SystemTray.isSupported() ? Channel.SYSTEM_TRAY
                    : notifySend != null ? Channel.NOTIFY_SEND : Channel.BANNER_ONLY;
        }
        return channel;
    }

    /** On the AWT event thread. */
    private void tray(String title, String message) {
        try {
            if (trayIcon == null) {
                trayIcon = new TrayIcon(icon(), "Chatalot Admin");
                trayIcon.setImageAutoSize(true);
                SystemTray.getSystemTray().add(trayIcon);
            }
            trayIcon.displayMessage(title, message, TrayIcon.MessageType.WARNING);
        } catch (AWTException | RuntimeException e) {
            // the tray went away (a desktop restart): the in-app banner already shows it
        }
    }

    private void notifySend(String title, String message) {
        try {
            new ProcessBuilder(List.of(notifySend.toString(), "--app-name=Chatalot Admin", title, message))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            // the in-app banner already shows it; a missing notification daemon is not an error
        }
    }

    /** A small blue square with a white bar: the app has no image files to ship. */
    private static BufferedImage icon() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2563eb));
        g.fillRoundRect(0, 0, 16, 16, 5, 5);
        g.setColor(Color.WHITE);
        g.fillRect(4, 7, 8, 2);
        g.dispose();
        return image;
    }

    private static Optional<Path> findNotifySend() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "notify-send");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (trayIcon != null) {
            TrayIcon icon = trayIcon;
            trayIcon = null;
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
        }
    }
}
