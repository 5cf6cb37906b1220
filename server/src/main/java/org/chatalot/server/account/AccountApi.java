package org.chatalot.server.account;

import java.util.UUID;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.model.auth.ChangePasswordRequest;
import org.chatalot.model.auth.PasswordConfirmation;
import org.chatalot.model.auth.RevokedSessions;
import org.chatalot.model.auth.TotpCodeRequest;
import org.chatalot.model.auth.UpdateProfileRequest;
import org.chatalot.server.auth.RefreshCookie;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.PathParams;
import org.chatalot.server.http.Routes;

/** {@code /api/account}: the caller's own account. */
public final class AccountApi implements HttpService {
    private final AccountService accounts;
    private final Access access;
    private final Json json;
    private final RefreshCookie cookie;

    public AccountApi(AccountService accounts, Access access, Json json, RefreshCookie cookie) {
        this.accounts = accounts;
        this.access = access;
        this.json = json;
        this.cookie = cookie;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/me", access.member((who, req, res) -> json.send(res, accounts.me(who))))
                .put("/password", access.member((who, req, res) -> {
                    accounts.changePassword(who, json.read(req, ChangePasswordRequest.class), Access.origin(req));
                    noContent(res);
                }))
                .put("/profile", access.member((who, req, res) ->
                        json.send(res, accounts.updateProfile(who, json.read(req, UpdateProfileRequest.class)))))
                .get("/sessions", access.member((who, req, res) -> json.send(res, accounts.sessions(who))))
                .delete("/sessions/{id}", access.member((who, req, res) -> {
                    UUID id = PathParams.uuid(req, "id");
                    accounts.revokeSession(who, id, Access.origin(req));
                    noContent(res);
                }))
                .post("/logout-all", access.member((who, req, res) -> {
                    boolean browser = cookie.isBrowser(req);
                    accounts.logoutAll(who, Access.origin(req));
                    if (browser) {
                        cookie.clear(req, res);
                    }
                    noContent(res);
                }))
                .post("/logout-others", access.member((who, req, res) -> json.send(res,
                        new RevokedSessions(accounts.logoutOthers(who, Access.origin(req))))))
                .post("/totp/setup", access.member((who, req, res) -> json.send(res, accounts.beginTotp(who))))
                .post("/totp/verify", access.member((who, req, res) -> json.send(res,
                        accounts.enableTotp(who, json.read(req, TotpCodeRequest.class), Access.origin(req)))))
                .post("/totp/disable", access.member((who, req, res) -> {
                    accounts.disableTotp(who, json.read(req, TotpCodeRequest.class), Access.origin(req));
                    noContent(res);
                }))
                .post("/totp/backup-codes", access.member((who, req, res) -> json.send(res,
                        accounts.regenerateBackupCodes(who, json.read(req, TotpCodeRequest.class),
                                Access.origin(req)))))
                .post("/recovery-code", access.member((who, req, res) -> json.send(res,
                        accounts.regenerateRecoveryCode(who, json.read(req, PasswordConfirmation.class).password(),
                                Access.origin(req)))))
                .register();
    }

    private static void noContent(ServerResponse response) {
        response.status(Status.NO_CONTENT_204).send();
    }
}
