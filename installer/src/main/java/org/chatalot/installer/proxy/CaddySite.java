package org.chatalot.installer.proxy;

import java.util.Map;

import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.plan.Template;

/**
 * The Caddyfile. With {@code internalTls} Caddy signs with its own local CA (a LAN box no ACME server can
 * reach); otherwise it gets a public certificate by itself and the settings' certificate paths are unused.
 */
public final class CaddySite {
    private static final Template TEMPLATE = Template.load("Caddyfile");

    private CaddySite() {
    }

    public static String render(DeploySettings settings, boolean internalTls) {
        String address = settings.domain() + (settings.httpsPort() == 443 ? "" : ":" + settings.httpsPort());
        return TEMPLATE.render(Map.of(
                "domain", settings.domain(),
                "site_address", address,
                "tls_line", internalTls ? "\ttls internal\n" : "",
                "body_limit_mb", Integer.toString(settings.bodyLimitMb()),
                "upstream", settings.upstream()));
    }
}
