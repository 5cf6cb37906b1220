package org.chatalot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestPhaseTest {

    @Test
    void surefireTellsTheTestsTheyAreUnitTests() {
        assertThat(System.getProperty(TestPhase.PROPERTY)).as("set by the parent POM's surefire configuration")
                .isEqualTo(TestPhase.UNIT);
    }

    @Test
    void startingAServerFromAUnitTestFailsNamingTheClassToRename() {
        assertThatThrownBy(() -> TestPhase.requireIntegration("the Chatalot server"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TestPhaseTest starts the Chatalot server")
                .hasMessageContaining("name the class TestPhaseIT");
    }

    @Test
    void anExtensionNamesTheOutermostTestClass() {
        assertThatThrownBy(() -> TestPhase.requireIntegration("nginx", Nested.class))
                .hasMessageStartingWith("TestPhaseTest starts nginx");
    }

    @Test
    void integrationTestsAndRunsOutsideMavenMayStartAnything() {
        assertThat(TestPhase.problem(TestPhase.INTEGRATION, "nginx", "NginxIT")).isEmpty();
        assertThat(TestPhase.problem(null, "nginx", "NginxTest")).as("from an IDE").isEmpty();
        assertThat(TestPhase.problem(TestPhase.UNIT, "nginx", "NginxTest")).isPresent();
    }

    @Test
    void eachPluginSkipsTheOtherOnesClassesWhenDashDTestNamesThem() {
        assertThat(TestPhase.wrongPlugin(TestPhase.UNIT, "org.chatalot.server.HealthIT"))
                .hasValue("HealthIT is an integration test: failsafe runs it");
        assertThat(TestPhase.wrongPlugin(TestPhase.INTEGRATION, "org.chatalot.server.ConfigTest$Nested"))
                .hasValue("ConfigTest is a unit test: surefire runs it");
        assertThat(TestPhase.wrongPlugin(TestPhase.UNIT, "org.chatalot.server.ConfigTest")).isEmpty();
        assertThat(TestPhase.wrongPlugin(TestPhase.INTEGRATION, "org.chatalot.server.HealthIT")).isEmpty();
        assertThat(TestPhase.wrongPlugin(null, "org.chatalot.server.HealthIT")).isEmpty();
    }

    private static final class Nested {
    }
}
