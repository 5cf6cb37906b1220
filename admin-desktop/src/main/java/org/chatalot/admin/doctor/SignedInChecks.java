package org.chatalot.admin.doctor;

import java.io.IOException;

import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.ProgressListener;

/**
 * The checks as run from a signed-in session: with its access token, fetched fresh on the checking thread, so the
 * doctor's WebSocket checks can sign in and its proxy checks can read the admin-only request diagnostics. When no
 * token can be had because the server is unreachable, the checks run without one and say why themselves.
 */
public final class SignedInChecks implements DeploymentChecks {
    private final DeploymentChecks checks;
    private final TokenSource tokens;

    /** Where a valid access token comes from (the session refreshes it if needed). */
    @FunctionalInterface
    public interface TokenSource {
        String accessToken() throws IOException, InterruptedException;
    }

    public SignedInChecks(DeploymentChecks checks, TokenSource tokens) {
        this.checks = checks;
        this.tokens = tokens;
    }

    @Override
    public DoctorReport run(CheckRequest request, ProgressListener progress) throws InterruptedException {
        CheckRequest signedIn = request;
        try {
            signedIn = request.withAccessToken(tokens.accessToken());
        } catch (IOException e) {
            // unreachable: the doctor's DNS, TCP and TLS checks explain it better than this exception would
        }
        return checks.run(signedIn, progress);
    }
}
