package org.chatalot.installer.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.plan.Template;

/**
 * The Caddyfile. With internal TLS Caddy signs with its own local CA (a LAN box no ACME server can reach);
 * otherwise it gets a public certificate by itself and the settings' certificate paths are unused.
 * Global options carry what differs from Caddy's defaults: the plain-HTTP port of the redirect
 * ({@code http_port}, or none at all), and for the internal CA that Caddy must not add its root to this
 * machine's trust store unless the admin asks ({@code skip_install_trust}): as root it would do so silently.
 */
public final class CaddySite {
    private static final Template TEMPLATE = Template.load("Caddyfile");

    private CaddySite() {
    }

    /**
     * @param internalTls  sign with Caddy's own CA ({@code tls internal})
     * @param installTrust let Caddy add that CA's root to this machine's trust store
     */
    public record Tls(boolean internalTls, boolean installTrust) {
        public static final Tls PUBLIC = new Tls(false, false);
        public static final Tls INTERNAL = new Tls(true, false);
    }

    public static String render(DeploySettings settings, boolean internalTls) {
        return render(settings, internalTls ? Tls.INTERNAL : Tls.PUBLIC);
    }

    public static String render(DeploySettings settings, Tls tls) {
        String address = settings.domain() + (settings.httpsPort() == 443 ? "" : ":" + settings.httpsPort());
        return TEMPLATE.render(Map.of(
                "domain", settings.domain(),
                "global_options", globalOptions(settings, tls),
                "site_address", address,
                "bind_line", settings.listenAddress().map(a -> "\tbind " + a + "\n").orElse(""),
                "tls_line", tls.internalTls() ? "\ttls internal\n" : "",
                "body_limit_mb", Integer.toString(settings.bodyLimitMb()),
                "upstream", settings.upstream()));
    }

    private static String globalOptions(DeploySettings settings, Tls tls) {
        List<String> options = new ArrayList<>();
        if (!settings.hasHttpPort()) {
            options.add("auto_https disable_redirects");
        } else if (settings.httpPort() != 80) {
            options.add("http_port " + settings.httpPort());
        }
        if (tls.internalTls() && !tls.installTrust()) {
            options.add("skip_install_trust");
        }
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder block = new StringBuilder("{\n");
        options.forEach(option -> block.append('\t').append(option).append('\n'));
        return block.append("}\n\n").toString();
    }
}
