package org.chatalot.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chatalot.bench.ceiling.CeilingProcess;
import org.chatalot.bench.chatalot.ServerLaunch;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.core.Launch;
import org.chatalot.bench.report.SuiteResults;
import org.chatalot.bench.workload.ColdStartBench;

/**
 * The two cold-start subjects: our server on an empty data directory, and the bare Helidon ceiling. Both run
 * with a class-data-sharing archive of their classes, as {@code ./chatalot} and the installer's systemd unit
 * start the server (the run that writes it is not measured).
 */
final class Subjects {
    private Subjects() {
    }

    /** The JVM options that map (or, the first time, write) a class-data-sharing archive. */
    static List<String> sharedArchive(Path archive) {
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off");
    }

    static ColdStartBench.Subject chatalot(ServerLaunch launch, Path archive) {
        return new ColdStartBench.Subject() {
            @Override
            public String name() {
                return SuiteResults.OURS;
            }

            @Override
            public List<String> command(int port) {
                List<String> command = new ArrayList<>(List.of(Launch.java()));
                command.addAll(ServerProcess.jvmOptions());
                command.addAll(sharedArchive(archive));
                command.addAll(launch.arguments());
                return command;
            }

            @Override
            public Map<String, String> environment(Path dataDir, int port) {
                return Map.of("DATA_DIR", dataDir.toString(), "LISTEN_ADDR", "127.0.0.1:" + port,
                        "LOCAL_ADMIN_ADDR", "off");
            }

            @Override
            public String healthPath() {
                return "/api/health";
            }
        };
    }

    static ColdStartBench.Subject ceiling(Path archive) {
        return new ColdStartBench.Subject() {
            @Override
            public String name() {
                return SuiteResults.CEILING;
            }

            @Override
            public List<String> command(int port) {
                List<String> options = new ArrayList<>(ServerProcess.jvmOptions());
                options.addAll(sharedArchive(archive));
                return CeilingProcess.command(options, port);
            }

            @Override
            public Map<String, String> environment(Path dataDir, int port) {
                return Map.of();
            }

            @Override
            public String healthPath() {
                return "/health";
            }
        };
    }
}
