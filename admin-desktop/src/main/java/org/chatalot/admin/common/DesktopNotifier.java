package org.chatalot.admin.common;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A desktop notification through {@code notify-send} (libnotify, present on most Linux desktops), and always the
 * in-app banner as well: the desktop one may be missing, suppressed or on another workspace.
 */
public final class DesktopNotifier implements Notifier {
    private final BiConsumer<String, String> inAppBanner;

    public DesktopNotifier(BiConsumer<String, String> inAppBanner) {
        this.inAppBanner = inAppBanner;
    }

    @Override
    public void notify(String title, String message) {
        inAppBanner.accept(title, message);
        findNotifySend().ifPresent(program -> {
            try {
                new ProcessBuilder(List.of(program.toString(), "--app-name=Chatalot Admin", title, message))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                // the in-app banner already shows it; a missing notification daemon is not an error
            }
        });
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
}
