/**
 * Reverse-proxy configuration as pure functions of {@link org.chatalot.installer.plan.DeploySettings}:
 * the nginx site, the Caddyfile and the Traefik labels with their deploy helper.
 */
package org.chatalot.installer.proxy;
