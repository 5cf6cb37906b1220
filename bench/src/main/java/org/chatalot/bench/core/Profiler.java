package org.chatalot.bench.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * JFR recordings of a JVM server during a workload's measured phase only (not its start-up or warm-up),
 * when the run asked for profiles ({@code --jfr DIR}). Non-JVM servers simply are not recorded.
 */
public final class Profiler {
    public static final String PROPERTY = "bench.jfr";
    private static final String RECORDING = "bench";

    private Profiler() {
    }

    /**
     * Starts recording {@code server} into DIR/NAME.jfr; does nothing without {@code --jfr}. {@code settings} are
     * event settings on top of the profile, e.g. {@code jdk.FileForce#threshold=0ms}.
     */
    public static void start(ProcessHandle server, String name, String... settings) {
        file(name).ifPresent(file -> {
            List<String> command = new ArrayList<>(List.of("JFR.start", "name=" + RECORDING, "settings=profile",
                    "filename=" + file));
            command.addAll(List.of(settings));
            jcmd(server, command.toArray(String[]::new));
        });
    }

    /** Where the recording NAME goes, when the run asked for profiles. */
    public static Optional<Path> file(String name) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(dir).toAbsolutePath().resolve(name + ".jfr"));
    }

    /** Stops the recording and writes its file. */
    public static void stop(ProcessHandle server) {
        if (System.getProperty(PROPERTY) != null) {
            jcmd(server, "JFR.stop", "name=" + RECORDING);
        }
    }

    private static void jcmd(ProcessHandle server, String... command) {
        String[] args = new String[command.length + 2];
        args[0] = Launch.java().replaceFirst("java$", "jcmd");
        args[1] = Long.toString(server.pid());
        System.arraycopy(command, 0, args, 2, command.length);
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
                    .DISCARD).start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.out.println("  (no profile: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
