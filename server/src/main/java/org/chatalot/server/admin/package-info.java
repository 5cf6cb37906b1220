/**
 * The admin API ({@code /api/admin/*} apart from invites and the audit log, which live with their
 * features): managing accounts, instance settings, statistics, channels, health and request diagnostics.
 * Services here take an {@link org.chatalot.server.common.Actor}, so the loopback admin commands reuse
 * exactly the rules and audit entries of the HTTP API.
 */
package org.chatalot.server.admin;
