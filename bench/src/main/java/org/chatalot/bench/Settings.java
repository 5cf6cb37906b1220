package org.chatalot.bench;

import java.util.List;

/**
 * Every size and duration of one run of the suite. {@link #full()} is the documented run (a few minutes on
 * two cores); {@link #smoke()} the tiny one CI uses to prove the harness works.
 */
public record Settings(int members, int senders, double rungSeconds, double drainSeconds, List<Integer> ladder,
                       List<String> servers, int latencyMembers, int latencyMessages, int latencyRate,
                       int latencyWarmUp,
                       int idleSockets, int loginMembers, int loginChatRate, int stormClients, double stormSeconds,
                       int argon2Hashes, boolean realArgon2, long uploadBytes, int coldStartRuns, int writers,
                       int writeWindow, double writeSeconds, List<Integer> writeRates, double h2Seconds,
                       double soakRate, double soakSeconds, int soakSenders) {
    public static final String CHATALOT = "chatalot";
    public static final String CEILING = "ceiling";
    public static final String EJABBERD = "ejabberd";
    public static final String PROSODY = "prosody";

    public static Settings full() {
        return new Settings(50, 10, 3, 3, List.of(20, 100, 200, 400, 700, 1000, 1500, 2000, 3000, 4000, 5000),
                List.of(CHATALOT, CEILING, EJABBERD, PROSODY), 50, 600, 10, 6000, 2000, 10, 20, 24, 8, 5, true,
                100_000_000L, 5, 16, 8, 5, List.of(200, 3000), 2, 100, 480, 10);
    }

    public static Settings smoke() {
        return new Settings(4, 2, 1, 2, List.of(20, 50), List.of(CHATALOT, CEILING), 3, 10, 20, 20, 16, 3, 5, 2, 1.5,
                1, false, 2_000_000L, 1, 2, 2, 1, List.of(20, 50), 0.3, 20, 6, 2);
    }

    public Settings withLadder(List<Integer> rates, double seconds) {
        return new Settings(members, senders, seconds, drainSeconds, rates, servers, latencyMembers,
                latencyMessages, latencyRate, latencyWarmUp, idleSockets, loginMembers, loginChatRate, stormClients, stormSeconds,
                argon2Hashes, realArgon2, uploadBytes, coldStartRuns, writers, writeWindow, writeSeconds,
                writeRates, h2Seconds, soakRate, soakSeconds, soakSenders);
    }

    public Settings withIdleSockets(int sockets) {
        return new Settings(members, senders, rungSeconds, drainSeconds, ladder, servers, latencyMembers,
                latencyMessages, latencyRate, latencyWarmUp, sockets, loginMembers, loginChatRate, stormClients, stormSeconds,
                argon2Hashes, realArgon2, uploadBytes, coldStartRuns, writers, writeWindow, writeSeconds,
                writeRates, h2Seconds, soakRate, soakSeconds, soakSenders);
    }

    public Settings withServers(List<String> names) {
        return new Settings(members, senders, rungSeconds, drainSeconds, ladder, names, latencyMembers,
                latencyMessages, latencyRate, latencyWarmUp, idleSockets, loginMembers, loginChatRate, stormClients, stormSeconds,
                argon2Hashes, realArgon2, uploadBytes, coldStartRuns, writers, writeWindow, writeSeconds,
                writeRates, h2Seconds, soakRate, soakSeconds, soakSenders);
    }

    public Settings withSoak(double rate, double seconds) {
        return new Settings(members, senders, rungSeconds, drainSeconds, ladder, servers, latencyMembers,
                latencyMessages, latencyRate, latencyWarmUp, idleSockets, loginMembers, loginChatRate, stormClients, stormSeconds,
                argon2Hashes, realArgon2, uploadBytes, coldStartRuns, writers, writeWindow, writeSeconds,
                writeRates, h2Seconds, rate, seconds, soakSenders);
    }
}
