package org.chatalot.admin.doctor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.chatalot.admin.api.JsonCodec;
import org.chatalot.installer.doctor.Doctor;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.DoctorRequest;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.ProgressListener;
import org.chatalot.installer.tls.TrustManagers;
import org.chatalot.model.ApiPaths;
import org.chatalot.model.auth.AuthConfig;

/**
 * The installer's deployment doctor behind the app's {@link DeploymentChecks}: the check screen and
 * {@code chatalot-admin check} run exactly the checks of {@code chatalot-install verify}, with the profile's
 * trust. When the request does not say which upload size the proxy must accept, the server is asked
 * ({@code GET /api/auth/config}), so the body-limit check probes the limit users actually have.
 */
public final class DoctorChecks implements DeploymentChecks {
    private final Clock clock;
    private final JsonCodec json = new JsonCodec();

    public DoctorChecks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public DoctorReport run(CheckRequest request, ProgressListener progress) throws InterruptedException {
        Instant start = clock.instant();
        DoctorRequest doctor;
        try {
            doctor = doctorRequest(request);
        } catch (IllegalArgumentException e) {
            Finding finding = Finding.fail("config.url", "Public URL", e.getMessage(), "Check the server's public "
                    + "URL: https://host or https://host:port, with Chatalot at the root and TLS from the proxy.");
            progress.started(finding.id(), finding.title());
            progress.finished(finding);
            return new DoctorReport(request.url(), start, Duration.between(start, clock.instant()), List.of(finding),
                    List.of(), Optional.empty(), Optional.empty());
        }
        DoctorReport report = Doctor.run(doctor, progress, clock);
        if (Thread.interrupted()) {
            // the doctor notes an interrupt and lets the remaining steps fail fast: report it as the cancel it was
            throw new InterruptedException("deployment check cancelled");
        }
        return report;
    }

    private DoctorRequest doctorRequest(CheckRequest request) {
        DoctorRequest doctor = DoctorRequest.defaults(request.url()).withTrust(request.trust().shared())
                .withHttpPort(request.httpPort()).withIdle(request.idle()).withTimeout(request.timeout());
        doctor = doctor.withMaxFileSizeMb(request.maxFileSizeMb().or(() -> serverLimit(request))
                .orElse(doctor.maxFileSizeMb()));
        return request.accessToken().map(doctor::withAccessToken).orElse(doctor);
    }

    /** The upload limit the server announces to its clients; empty when it cannot be read (the doctor says why). */
    private Optional<Integer> serverLimit(CheckRequest request) {
        SSLContext context = TrustManagers.sslContext(request.trust().shared());
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        HttpClient client = HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                .connectTimeout(request.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(configUri(request.url()))
                    .timeout(request.timeout()).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            int limit = json.read(response.body(), AuthConfig.class).maxFileSizeMb();
            return limit > 0 ? Optional.of(limit) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static URI configUri(URI url) {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + ApiPaths.AUTH + "/config");
    }
}
