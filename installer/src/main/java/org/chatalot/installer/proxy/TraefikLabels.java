package org.chatalot.installer.proxy;

import java.nio.file.Path;
import java.util.Map;

import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.plan.FileMode;
import org.chatalot.installer.plan.RenderedFile;
import org.chatalot.installer.plan.Template;

/** {@code docker-compose.override.yml} router labels, and the deploy helper that regenerates them. */
public final class TraefikLabels {
    private static final Template OVERRIDE = Template.load("traefik-override.yml");

    private TraefikLabels() {
    }

    public static String render(DeploySettings settings) {
        return OVERRIDE.render(Map.of(
                "domain", settings.domain(),
                "network", settings.dockerNetwork(),
                "upstream_port", Integer.toString(settings.upstreamPort())));
    }

    /** {@code scripts/deploy}: reads DEPLOY_DOMAIN / DEPLOY_NETWORK and calls us to write the override. */
    public static RenderedFile deployScript(Path projectDir) {
        return new RenderedFile(projectDir.resolve("scripts/deploy"), Template.load("deploy.sh").render(Map.of()),
                FileMode.EXECUTABLE);
    }
}
