package org.chatalot.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.chatalot.admin.testing.StubFixture;

class AuthSessionTest {

    @Test
    void signingOutEndsTheSessionOnTheServerEvenWhenTheAccessTokenHasExpired() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            fixture.stub().expireAccessToken();
            fixture.connection().session().logout();
            assertThat(fixture.connection().session().isSignedIn()).isFalse();
            assertThat(fixture.stub().isLoggedOut()).as("the server ended the session").isTrue();
        }
    }
}
