package org.chatalot.admin.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.chatalot.admin.testing.StubFixture;
import org.chatalot.model.auth.RegistrationMode;

class SettingsViewModelTest {

    @Test
    void savesOnlyWhatChangedAndShowsTheServersRefusal() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            SettingsViewModel model = new SettingsViewModel(fixture.runner(), fixture.connection()::api);
            model.load();
            assertThat(model.registrationModeProperty().get()).isEqualTo(RegistrationMode.INVITE_ONLY);
            assertThat(model.dirtyProperty().get()).isFalse();

            model.registrationModeProperty().set(RegistrationMode.CLOSED);
            assertThat(model.dirtyProperty().get()).isTrue();
            assertThat(model.changes().maxFileSizeMb()).isNull();
            model.save();
            assertThat(model.messageProperty().get()).isEqualTo("Settings saved");
            assertThat(model.dirtyProperty().get()).isFalse();
            assertThat(fixture.stub().data().handle("GET", "/api/admin/settings", null, null).body().toString())
                    .contains("CLOSED");

            model.maxFileSizeMbProperty().set(200);
            model.save();
            assertThat(model.errorProperty().get()).isEqualTo("max_file_size_mb: must be 1-100 (MAX_FILE_SIZE_MB,"
                    + " which also sized the proxy's body limit)");
            model.maxFileSizeMbProperty().set(0);
            model.save();
            assertThat(model.errorProperty().get()).contains("at least 1");
        }
    }
}
