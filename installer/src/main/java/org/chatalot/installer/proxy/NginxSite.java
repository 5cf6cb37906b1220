package org.chatalot.installer.proxy;

import java.nio.file.Path;
import java.util.Map;

import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.plan.FileMode;
import org.chatalot.installer.plan.RenderedFile;
import org.chatalot.installer.plan.Template;

/** The nginx site: HTTP→HTTPS with the ACME path open, TLS, HSTS, body limit, {@code /} and {@code /ws}. */
public final class NginxSite {
    private static final Template TEMPLATE = Template.load("nginx-site.conf");

    private NginxSite() {
    }

    public static String render(DeploySettings settings) {
        return TEMPLATE.render(Map.ofEntries(
                Map.entry("domain", settings.domain()),
                Map.entry("http_port", Integer.toString(settings.httpPort())),
                Map.entry("https_port", Integer.toString(settings.httpsPort())),
                Map.entry("https_port_suffix", settings.httpsPort() == 443 ? "" : ":" + settings.httpsPort()),
                Map.entry("acme_webroot", settings.acmeWebroot().toString()),
                Map.entry("certificate", settings.certificate().toString()),
                Map.entry("private_key", settings.privateKey().toString()),
                Map.entry("max_file_size_mb", Integer.toString(settings.maxFileSizeMb())),
                Map.entry("body_overhead_mb", Integer.toString(settings.bodyOverheadMb())),
                Map.entry("body_limit_mb", Integer.toString(settings.bodyLimitMb())),
                Map.entry("upstream", settings.upstream())));
    }

    /** The site file in {@code sitesAvailable}, named after the domain so several instances can coexist. */
    public static RenderedFile file(DeploySettings settings, Path sitesAvailable) {
        return new RenderedFile(sitesAvailable.resolve("chatalot-" + settings.domain() + ".conf"),
                render(settings), FileMode.PUBLIC);
    }
}
