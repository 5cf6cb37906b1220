package org.chatalot.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chatalot.bench.ceiling.CeilingProcess;
import org.chatalot.bench.chatalot.ChatalotRoom;
import org.chatalot.bench.chatalot.ServerLaunch;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.report.SuiteResults;
import org.chatalot.bench.room.RoomServer;
import org.chatalot.bench.workload.FanoutBench;
import org.chatalot.bench.workload.Rung;
import org.chatalot.bench.xmpp.Ejabberd;
import org.chatalot.bench.xmpp.Prosody;

/** W1 for every server of the run, one after the other, each in a fresh process on the server core. */
final class Fanout {
    private final Settings settings;
    private final ServerLaunch launch;
    private final Path work;
    private final Map<String, String> skipped;

    Fanout(Settings settings, ServerLaunch launch, Path work, Map<String, String> skipped) {
        this.settings = settings;
        this.launch = launch;
        this.work = work;
        this.skipped = skipped;
    }

    Map<String, List<Rung>> run() {
        Map<String, List<Rung>> ladders = new LinkedHashMap<>();
        for (String server : settings.servers()) {
            String name = displayName(server);
            String missing = missing(server);
            if (missing != null) {
                System.out.println("W1 " + name + " skipped: " + missing);
                skipped.put(name, missing);
                continue;
            }
            System.out.println("W1 fan-out, " + name + ", " + settings.members() + " members, " + Machine.describe());
            try (RoomServer room = start(server)) {
                ladders.put(name, new FanoutBench(settings.members(), settings.senders(), settings.rungSeconds(),
                        settings.drainSeconds()).run(room, settings.ladder()));
            } catch (Exception e) {
                System.out.println("  " + name + " FAILED: " + e);
                skipped.put(name, "failed: " + e);
            }
        }
        return ladders;
    }

    static String displayName(String server) {
        return switch (server) {
            case Settings.CHATALOT -> SuiteResults.OURS;
            case Settings.CEILING -> SuiteResults.CEILING;
            case Settings.EJABBERD -> SuiteResults.EJABBERD;
            case Settings.PROSODY -> SuiteResults.PROSODY;
            default -> throw new IllegalArgumentException("unknown server " + server
                    + "; expected chatalot, ceiling, ejabberd or prosody");
        };
    }

    private static String missing(String server) {
        return switch (server) {
            case Settings.EJABBERD -> Ejabberd.isInstalled() ? null : "not installed (apt-get install ejabberd)";
            case Settings.PROSODY -> Prosody.isInstalled() ? null : "not installed (apt-get install prosody)";
            default -> null;
        };
    }

    private RoomServer start(String server) throws Exception {
        return switch (server) {
            case Settings.CHATALOT -> new ChatalotRoom(ServerProcess.start(launch, work, ServerProcess.FAST_SETUP,
                    ServerProcess.jvmOptions()));
            case Settings.CEILING -> CeilingProcess.start(work, ServerProcess.jvmOptions());
            case Settings.EJABBERD -> Ejabberd.start(work);
            case Settings.PROSODY -> Prosody.start(work);
            default -> throw new IllegalArgumentException(server);
        };
    }
}
