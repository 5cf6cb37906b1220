package org.chatalot.bench.report;

import java.util.List;
import java.util.Map;

import org.chatalot.bench.ceiling.CeilingProcess;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.workload.ColdStartBench;
import org.chatalot.bench.workload.H2WriteBench;
import org.chatalot.bench.workload.IdleSocketsBench;
import org.chatalot.bench.workload.LatencyBench;
import org.chatalot.bench.workload.LoginStormBench;
import org.chatalot.bench.workload.Rung;
import org.chatalot.bench.workload.StorageSoak;
import org.chatalot.bench.workload.UploadBench;
import org.chatalot.bench.workload.WritePathBench;

/**
 * Everything one run of the suite measured (a workload that did not run is null, with the reason in
 * {@code skipped}). Fan-out ladders are keyed by server name, ours first.
 */
public record SuiteResults(String machine, String loadAtStart, String loadAtEnd, double durationSeconds,
                           int members, Map<String, List<Rung>> fanout, List<LatencyBench.Result> latency,
                           List<IdleSocketsBench.Result> idle, LoginStormBench.Result logins, UploadBench.Result upload,
                           List<ColdStartBench.Result> coldStart, WritePathBench.Result writes,
                           List<H2WriteBench.Result> h2, StorageSoak.Result soak, Map<String, String> skipped) {
    public static final String OURS = ServerProcess.NAME;
    public static final String CEILING = CeilingProcess.NAME;
    public static final String EJABBERD = "ejabberd 23.01";
    public static final String PROSODY = "Prosody 0.12";
}
