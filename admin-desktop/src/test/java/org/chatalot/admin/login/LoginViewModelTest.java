package org.chatalot.admin.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.connection.CertificateProbe;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.FileSecretStore;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.admin.connection.ProfileStore;
import org.chatalot.admin.connection.TrustMode;
import org.chatalot.admin.testing.ImmediateTaskRunner;
import org.chatalot.admin.testing.StubAdminServer;
import org.chatalot.admin.testing.TestCertificates;
import org.chatalot.admin.testing.TlsStub;

class LoginViewModelTest {
    private final List<ServerConnection> signedIn = new ArrayList<>();

    private LoginViewModel model(Path dir) {
        JdkSslContextFactory ssl = new JdkSslContextFactory();
        return new LoginViewModel(new ImmediateTaskRunner(), new ProfileStore(dir), (profile, listener) ->
                ServerConnection.open(profile, ssl, listener), new CertificateProbe(Duration.ofSeconds(5)),
                new RememberedSessions(new FileSecretStore(dir)), signedIn::add);
    }

    @Test
    void asksForTheTotpCodeThenSignsInAndRemembersTheSession(@TempDir Path dir) throws Exception {
        try (StubAdminServer stub = new StubAdminServer()) {
            stub.requireTotp();
            LoginViewModel model = model(dir);
            model.form().urlProperty().set(stub.url().toString());
            model.form().usernameProperty().set("owner");
            model.form().passwordProperty().set(StubAdminServer.PASSWORD);
            model.form().rememberProperty().set(true);
            model.signIn();
            assertThat(model.totpRequiredProperty().get()).isTrue();
            assertThat(signedIn).isEmpty();

            model.form().totpCodeProperty().set("123456");
            model.signIn();
            assertThat(signedIn).hasSize(1);
            assertThat(model.form().passwordProperty().get()).isEmpty();
            assertThat(new ProfileStore(dir).load()).extracting(ConnectionProfile::username).containsExactly("owner");
            assertThat(new FileSecretStore(dir).read("127.0.0.1")).isPresent();

            LoginViewModel restarted = model(dir);
            restarted.loadProfiles();
            restarted.resumeRemembered();
            assertThat(signedIn).hasSize(2);
        }
    }

    @Test
    void aWrongPasswordShowsTheServersMessage(@TempDir Path dir) throws Exception {
        try (StubAdminServer stub = new StubAdminServer()) {
            LoginViewModel model = model(dir);
            model.form().urlProperty().set(stub.url().toString());
            model.form().usernameProperty().set("owner");
            model.form().passwordProperty().set("nope");
            model.signIn();
            assertThat(model.errorProperty().get()).isEqualTo("Wrong username or password.");
        }
    }

    @Test
    void pinningNeedsAReviewedCertificateAndAChangedOneIsOfferedForReview(@TempDir Path dir) throws Exception {
        TestCertificates.Issued first = TestCertificates.selfSigned("localhost");
        LoginViewModel model = model(dir);
        try (TlsStub stub = new TlsStub(first, false)) {
            model.form().urlProperty().set(stub.url("localhost").toString());
            model.pinReviewedCertificate();
            assertThat(model.errorProperty().get()).contains("Review the server's certificate first");
            model.reviewCertificate();
            assertThat(model.reviewedProperty().get().sha256())
                    .isEqualTo(CertificateDetails.fingerprint(first.certificate()));
            model.pinReviewedCertificate();
            assertThat(new ProfileStore(dir).load().get(0).trust())
                    .isEqualTo(new TrustMode.Pinned(CertificateDetails.fingerprint(first.certificate())));
        }
        TestCertificates.Issued second = TestCertificates.selfSigned("localhost");
        try (TlsStub stub = new TlsStub(second, false)) {
            model.form().urlProperty().set(stub.url("localhost").toString());
            model.form().usernameProperty().set("owner");
            model.signIn();
            assertThat(model.certificateChangedProperty().get()).isTrue();
            assertThat(model.errorProperty().get()).contains("different certificate");
            assertThat(model.reviewedProperty().get().sha256())
                    .isEqualTo(CertificateDetails.fingerprint(second.certificate()));
            assertThat(signedIn).isEmpty();
        }
    }

    @Test
    void aServerWithoutAnOwnerIsSetUpAndItsRecoveryCodeShownBeforeSigningIn(@TempDir Path dir) throws Exception {
        try (StubAdminServer stub = new StubAdminServer()) {
            stub.needSetup();
            LoginViewModel model = model(dir);
            model.form().urlProperty().set(stub.url().toString());
            model.askServer();
            assertThat(model.setupRequiredProperty().get()).isTrue();
            assertThat(model.setupHintProperty().get()).contains("setup-code");

            model.form().usernameProperty().set("owner");
            model.form().passwordProperty().set(StubAdminServer.PASSWORD);
            model.form().confirmPasswordProperty().set("something else");
            model.form().setupCodeProperty().set(StubAdminServer.SETUP_CODE);
            model.setUp();
            assertThat(model.errorProperty().get()).isEqualTo("The two passwords differ.");

            model.form().confirmPasswordProperty().set(StubAdminServer.PASSWORD);
            model.form().setupCodeProperty().set("WRONG-CODE");
            model.setUp();
            assertThat(model.errorProperty().get()).isEqualTo("that is not the setup code");

            model.form().setupCodeProperty().set(StubAdminServer.SETUP_CODE);
            model.setUp();
            assertThat(model.errorProperty().get()).isEmpty();
            assertThat(model.recoveryCodeProperty().get()).isEqualTo(StubAdminServer.RECOVERY_CODE);
            assertThat(model.setupRequiredProperty().get()).isFalse();
            assertThat(model.form().passwordProperty().get()).as("secrets forgotten").isEmpty();
            assertThat(model.form().setupCodeProperty().get()).isEmpty();
            assertThat(signedIn).as("not before the code is saved").isEmpty();

            model.recoveryCodeSaved();
            assertThat(model.recoveryCodeProperty().get()).isEmpty();
            assertThat(signedIn).singleElement().satisfies(connection ->
                    assertThat(connection.session().user().username()).isEqualTo("owner"));
            assertThat(new ProfileStore(dir).load()).extracting(ConnectionProfile::username).containsExactly("owner");
        }
    }

    @Test
    void signingInToAServerWithoutAnOwnerOffersTheSetupInstead(@TempDir Path dir) throws Exception {
        try (StubAdminServer stub = new StubAdminServer()) {
            stub.needSetup();
            LoginViewModel model = model(dir);
            model.form().urlProperty().set(stub.url().toString());
            model.form().usernameProperty().set("owner");
            model.form().passwordProperty().set(StubAdminServer.PASSWORD);
            model.signIn();
            assertThat(model.setupRequiredProperty().get()).isTrue();
            assertThat(model.statusProperty().get()).contains("no owner yet");
            assertThat(model.errorProperty().get()).isEmpty();
            assertThat(stub.requests()).noneMatch(request -> request.startsWith("POST /api/auth/login"));
            assertThat(signedIn).isEmpty();
        }
    }

    @Test
    void switchingProfilesClearsWhatWasSaidAboutThePreviousOne(@TempDir Path dir) throws Exception {
        try (StubAdminServer stub = new StubAdminServer()) {
            LoginViewModel model = model(dir);
            model.form().nameProperty().set("first");
            model.form().urlProperty().set(stub.url().toString());
            model.form().usernameProperty().set("owner");
            model.form().passwordProperty().set("nope");
            model.signIn();
            assertThat(model.errorProperty().get()).isEqualTo("Wrong username or password.");

            model.select(ConnectionProfile.of("second", stub.url().toString()));
            assertThat(model.errorProperty().get()).isEmpty();
            assertThat(model.statusProperty().get()).isEmpty();
            assertThat(model.certificateChangedProperty().get()).isFalse();
            assertThat(model.form().nameProperty().get()).isEqualTo("second");
        }
    }
}
