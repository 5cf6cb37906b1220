package org.chatalot.installer.systemd;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.plan.FileMode;
import org.chatalot.installer.plan.RenderedFile;
import org.chatalot.installer.plan.Template;

/** The unit file and the environment file it reads. */
public final class SystemdService {
    public static final Path UNIT = Path.of("/etc/systemd/system/chatalot.service");
    public static final Path ENV_FILE = Path.of("/etc/chatalot/chatalot.env");
    private static final Template UNIT_TEMPLATE = Template.load("chatalot.service");
    private static final Template ENV_TEMPLATE = Template.load("chatalot.env");

    private SystemdService() {
    }

    public static String unit(DeploySettings settings) {
        return UNIT_TEMPLATE.render(Map.of(
                "service_user", settings.serviceUser(),
                "env_file", ENV_FILE.toString(),
                "data_dir", settings.dataDir().toString(),
                "install_dir", settings.installDir().toString(),
                "java", settings.java().toString()));
    }

    public static String environment(DeploySettings settings) {
        return ENV_TEMPLATE.render(Map.of(
                "upstream", settings.upstream(),
                "public_url", settings.publicUrl(),
                "data_dir", settings.dataDir().toString(),
                "max_file_size_mb", Integer.toString(settings.maxFileSizeMb())));
    }

    public static List<RenderedFile> files(DeploySettings settings) {
        return List.of(new RenderedFile(UNIT, unit(settings), FileMode.PUBLIC),
                new RenderedFile(ENV_FILE, environment(settings), FileMode.SECRET));
    }
}
