package org.chatalot.server.user;

import java.util.List;
import java.util.UUID;

import org.chatalot.model.user.PublicProfile;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.NotFound;

/** Finding people: every member can see every other member (one implicit space). */
public final class UserDirectory {
    static final int MAX_RESULTS = 50;

    private final UserRepository users;

    public UserDirectory(UserRepository users) {
        this.users = users;
    }

    public List<PublicProfile> search(String query, Integer limit) {
        String prefix = query == null ? "" : query.strip();
        if (prefix.length() > 64) {
            throw new InvalidInput("q", "at most 64 characters");
        }
        int max = limit == null ? 20 : limit;
        if (max < 1 || max > MAX_RESULTS) {
            throw new InvalidInput("limit", "must be 1-" + MAX_RESULTS);
        }
        return users.search(prefix, max).stream().map(User::toPublicProfile).toList();
    }

    public PublicProfile profile(UUID id) {
        return users.byId(id).map(User::toPublicProfile).orElseThrow(() -> new NotFound("no such user"));
    }
}
