package org.chatalot.installer.doctor;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The checks that need the Chatalot server itself behind the proxy: the WebSocket (upgrade, sign-in, idle
 * hold), the upload body limit, the forwarded headers and PUBLIC_URL. The server's own report of the request
 * is read first, so that the fixes of every later check can name the address the proxy forwards to.
 */
final class ServerChecks {
    private final DoctorRequest request;
    private final HttpClient https;
    private final Login login;
    private final Doctor.Recorder recorder;
    private final Supplier<Fixes> fixes;
    private final Consumer<Optional<String>> upstream;
    private final Optional<InetAddress> ourAddress;

    ServerChecks(DoctorRequest request, HttpClient https, Login login, Doctor.Recorder recorder,
                 Supplier<Fixes> fixes, Consumer<Optional<String>> upstream, Optional<InetAddress> ourAddress) {
        this.request = request;
        this.https = https;
        this.login = login;
        this.recorder = recorder;
        this.fixes = fixes;
        this.upstream = upstream;
        this.ourAddress = ourAddress;
    }

    void run() {
        DiagnosticsChecks diagnostics = new DiagnosticsChecks(request, https);
        DiagnosticsChecks.Diagnostics seen = login.isFailed()
                ? DiagnosticsChecks.Diagnostics.missing("because the login failed (see ws.auth)")
                : diagnostics.fetch(login.token());
        upstream.accept(seen.listenAddress());
        webSocket();
        recorder.record("proxy.body-limit", "Body limit", () -> BodyLimitProbe.run(request, login.token(),
                fixes.get()));
        recorder.record("proxy.forwarded", "Forwarded headers", () -> diagnostics.forwarded(seen,
                ourAddress, fixes.get()));
        recorder.record("config.public-url", "PUBLIC_URL", () -> diagnostics.publicUrl(seen));
    }

    private void webSocket() {
        try (WebSocketChecks ws = new WebSocketChecks(request, https, fixes.get())) {
            recorder.record("ws.upgrade", "WebSocket upgrade", ws::upgrade);
            recorder.record("ws.auth", "WebSocket auth", () -> {
                Finding auth = ws.authenticate(login.token());
                return auth.severity() == Severity.SKIP && login.isFailed()
                        ? Finding.fail(auth.id(), auth.title(), login.problem(),
                        "Check the user name and password given to the doctor.\n") : auth;
            });
            recorder.record("ws.idle", "Idle WebSocket", ws::idle);
        }
    }
}
