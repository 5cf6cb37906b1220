package org.chatalot.server.call;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chatalot.model.call.IceConfig;
import org.chatalot.model.call.IceServer;
import org.chatalot.server.config.ServerConfig;

/**
 * The ICE configuration one user gets: the configured STUN servers ({@code ICE_SERVERS}) and, when
 * {@code TURN_SECRET} is set, the {@code TURN_URLS} with credentials minted for this user that expire after
 * {@code TURN_TTL_SECONDS}.
 */
public final class IceServers {
    private final ServerConfig.Calls config;
    private final Optional<TurnCredentials> turn;
    private final Clock clock;

    public IceServers(ServerConfig.Calls config, Clock clock) {
        this.config = config;
        this.turn = config.turnSecret().map(secret -> new TurnCredentials(secret.value()));
        this.clock = clock;
    }

    public IceConfig forUser(UUID userId) {
        List<IceServer> servers = new ArrayList<>(config.iceServers());
        if (turn.isEmpty()) {
            return new IceConfig(servers, null);
        }
        // Whole seconds: the username carries the expiry in seconds, and expires_at must say the same.
        Instant expiresAt = clock.instant().plus(config.turnTtl()).truncatedTo(ChronoUnit.SECONDS);
        TurnCredentials.Minted minted = turn.get().mint(userId, expiresAt);
        servers.add(new IceServer(config.turnUrls(), minted.username(), minted.credential()));
        return new IceConfig(servers, minted.expiresAt());
    }
}
