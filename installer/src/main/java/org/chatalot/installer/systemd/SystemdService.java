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
                "java_environment", javaEnvironment(settings.java())));
    }

    /**
     * A java binary ({@code …/bin/java}) becomes the service's JAVA_HOME, which bin/chatalot then uses; the
     * release's own {@code bin/chatalot-java} means "the newest 21+ runtime on the box", its default anyway.
     */
    static String javaEnvironment(Path java) {
        Path bin = java.getParent();
        if (java.getFileName().toString().equals("java") && bin != null && bin.getFileName() != null
                && bin.getFileName().toString().equals("bin") && bin.getParent() != null) {
            return "Environment=JAVA_HOME=" + bin.getParent();
        }
        return "# Java: the newest runtime 21+ that bin/chatalot-java finds (set JAVA_HOME here to choose one).";
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
