package org.chatalot.installer.proxy;

import java.nio.file.Path;
import java.util.Map;

import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.plan.FileMode;
import org.chatalot.installer.plan.RenderedFile;
import org.chatalot.installer.plan.Template;

/**
 * The nginx site: HTTP→HTTPS with the ACME path open (unless the front has no plain-HTTP port), TLS, HSTS, body
 * limit, {@code /} and {@code /ws}. It listens on every address, IPv4 and IPv6, or only on the listen address
 * given.
 */
public final class NginxSite {
    private static final Template TEMPLATE = Template.load("nginx-site.conf");
    private static final Template HTTP_BLOCK = Template.load("nginx-http-block.conf");

    private NginxSite() {
    }

    public static String render(DeploySettings settings) {
        return TEMPLATE.render(Map.ofEntries(
                Map.entry("domain", settings.domain()),
                Map.entry("http_server_block", httpBlock(settings)),
                Map.entry("https_listen", listen(settings, settings.httpsPort(), " ssl http2")),
                Map.entry("certificate", settings.certificate().toString()),
                Map.entry("private_key", settings.privateKey().toString()),
                Map.entry("max_file_size_mb", Integer.toString(settings.maxFileSizeMb())),
                Map.entry("body_overhead_mb", Integer.toString(settings.bodyOverheadMb())),
                Map.entry("body_limit_mb", Integer.toString(settings.bodyLimitMb())),
                Map.entry("upstream", settings.upstream())));
    }

    private static String httpBlock(DeploySettings settings) {
        if (!settings.hasHttpPort()) {
            return "";
        }
        return HTTP_BLOCK.render(Map.of(
                "domain", settings.domain(),
                "http_listen", listen(settings, settings.httpPort(), ""),
                "https_port_suffix", settings.httpsPort() == 443 ? "" : ":" + settings.httpsPort(),
                "acme_webroot", settings.acmeWebroot().toString()));
    }

    /** One listen line for the given address, or one for IPv4 and one for IPv6 when none was given. */
    private static String listen(DeploySettings settings, int port, String flags) {
        if (settings.listenAddress().isPresent()) {
            return "    listen " + settings.listenOn(port) + flags + ";";
        }
        return "    listen " + port + flags + ";\n    listen [::]:" + port + flags + ";";
    }

    /** The site file in {@code sitesAvailable}, named after the domain so several instances can coexist. */
    public static RenderedFile file(DeploySettings settings, Path sitesAvailable) {
        return new RenderedFile(sitesAvailable.resolve("chatalot-" + settings.domain() + ".conf"),
                render(settings), FileMode.PUBLIC);
    }
}
