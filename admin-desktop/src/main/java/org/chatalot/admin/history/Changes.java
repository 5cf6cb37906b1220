package org.chatalot.admin.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What got worse from one sample to the next of the same kind: the server's state (ok, degraded, unreachable),
 * the certificate's state, and each finding whose severity rose or that is new. Improvements and unchanged results
 * say nothing, so the background checks stay quiet until something matters.
 */
public final class Changes {
    private Changes() {
    }

    /** One line per thing that got worse; empty when nothing did or there is nothing to compare with. */
    public static List<String> worse(Optional<Sample> previous, Sample current) {
        if (previous.isEmpty() || previous.get().kind() != current.kind()) {
            return List.of();
        }
        Sample before = previous.get();
        List<String> worse = new ArrayList<>();
        if (Sample.rank(current.health()) > Sample.rank(before.health())) {
            worse.add("Server: " + before.health() + " → " + current.health()
                    + (current.problem() == null ? "" : " (" + current.problem() + ")"));
        }
        if (current.doctor() != null && Sample.rank(current.doctor()) > Sample.rank(before.doctor())) {
            worse.add("Deployment check: " + before.doctor() + " → " + current.doctor());
        }
        // a deployment check reports the certificate as its tls.expiry finding, compared below
        if (current.kind() == Sample.Kind.HEALTH && current.certState() != null
                && Sample.rank(current.certState()) > Sample.rank(before.certState())) {
            worse.add("Certificate: " + current.certDays() + " days left (" + current.certState() + ")");
        }
        for (Sample.Item now : current.findings()) {
            String was = before.findings().stream().filter(item -> item.id().equals(now.id())).findFirst()
                    .map(Sample.Item::severity).orElse("pass");
            if (Sample.rank(now.severity()) > Sample.rank(was)) {
                worse.add(now.title() + ": " + was + " → " + now.severity());
            }
        }
        return worse;
    }
}
