package org.chatalot.admin.settings;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.model.admin.InstanceSettingsView;
import org.chatalot.model.auth.RegistrationMode;

/**
 * Instance settings as a form. Saving sends only what changed (the API leaves absent fields alone), so two
 * admins editing different settings do not undo each other.
 */
public final class SettingsViewModel extends ScreenModel {
    private final ObjectProperty<RegistrationMode> registrationMode = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> maxFileSizeMb = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> uploadQuotaMb = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> auditRetentionDays = new SimpleObjectProperty<>();
    private final ObjectProperty<InstanceSettingsView> saved = new SimpleObjectProperty<>();
    private final BooleanBinding dirty;

    public SettingsViewModel(TaskRunner runner, ApiAccess access) {
        super(runner, access);
        dirty = Bindings.createBooleanBinding(() -> saved.get() != null && !changes().equals(empty()),
                registrationMode, maxFileSizeMb, uploadQuotaMb, auditRetentionDays, saved);
    }

    public ObjectProperty<RegistrationMode> registrationModeProperty() {
        return registrationMode;
    }

    public ObjectProperty<Integer> maxFileSizeMbProperty() {
        return maxFileSizeMb;
    }

    public ObjectProperty<Integer> uploadQuotaMbProperty() {
        return uploadQuotaMb;
    }

    public ObjectProperty<Integer> auditRetentionDaysProperty() {
        return auditRetentionDays;
    }

    /** True when the form differs from what the server has. */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public void load() {
        submit("Loading settings", () -> api().settings(), this::show);
    }

    public void save() {
        InstanceSettingsView changes = changes();
        if (changes.equals(empty())) {
            tell("Nothing to save");
            return;
        }
        if (positive(changes.maxFileSizeMb()) || negative(changes.uploadQuotaMb())
                || positive(changes.auditRetentionDays())) {
            fail("Sizes and days must be whole numbers: file size and retention at least 1, quota 0 or more.");
            return;
        }
        submit("Saving settings", () -> api().saveSettings(changes), view -> {
            show(view);
            tell("Settings saved");
        });
    }

    public void revert() {
        show(saved.get());
    }

    InstanceSettingsView changes() {
        InstanceSettingsView base = saved.get() == null ? empty() : saved.get();
        return new InstanceSettingsView(changed(registrationMode.get(), base.registrationMode()),
                changed(maxFileSizeMb.get(), base.maxFileSizeMb()), changed(uploadQuotaMb.get(), base.uploadQuotaMb()),
                changed(auditRetentionDays.get(), base.auditRetentionDays()));
    }

    private void show(InstanceSettingsView view) {
        if (view == null) {
            return;
        }
        saved.set(view);
        registrationMode.set(view.registrationMode());
        maxFileSizeMb.set(view.maxFileSizeMb());
        uploadQuotaMb.set(view.uploadQuotaMb());
        auditRetentionDays.set(view.auditRetentionDays());
    }

    private static <T> T changed(T now, T before) {
        return Objects.equals(now, before) ? null : now;
    }

    private static boolean positive(Integer value) {
        return value != null && value < 1;
    }

    private static boolean negative(Integer value) {
        return value != null && value < 0;
    }

    private static InstanceSettingsView empty() {
        return new InstanceSettingsView(null, null, null, null);
    }
}
