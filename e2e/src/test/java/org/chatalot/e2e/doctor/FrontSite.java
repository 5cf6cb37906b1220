package org.chatalot.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.proxy.CaddySite;
import org.chatalot.installer.proxy.NginxSite;

/**
 * The nginx site or Caddyfile exactly as {@code chatalot-install nginx} / {@code caddy} renders it for chat.test,
 * plus the edits that make each broken front. Every edit insists that the text it changes is there, so a
 * template change cannot silently turn a broken-front case into a copy of the healthy one.
 */
final class FrontSite {
    private String site;

    private FrontSite(String site) {
        this.site = site;
    }

    static FrontSite rendered(int httpsPort, int httpPort, int serverPort, TestPki.ServerFiles tls, Path webroot) {
        DeploySettings settings = DeploySettings.builder("chat.test").httpsPort(httpsPort).httpPort(httpPort)
                .upstream("127.0.0.1:" + serverPort).certificate(tls.fullChain()).privateKey(tls.key())
                .acmeWebroot(webroot).build();
        return new FrontSite(NginxSite.render(settings));
    }

    /** Caddy on loopback with its internal CA (12-hour certificates), redirecting on {@code httpPort}. */
    static FrontSite caddy(int httpsPort, int httpPort, int serverPort) {
        DeploySettings settings = DeploySettings.builder("chat.test").httpsPort(httpsPort).httpPort(httpPort)
                .upstream("127.0.0.1:" + serverPort).listenAddress("127.0.0.1").build();
        return new FrontSite(CaddySite.render(settings, CaddySite.Tls.INTERNAL));
    }

    FrontSite replace(String from, String to) {
        assertThat(site).as("the rendered site should contain the text this case changes").contains(from);
        site = site.replace(from, to);
        return this;
    }

    FrontSite remove(String line) {
        return replace(line + "\n", "");
    }

    String text() {
        return site;
    }
}
