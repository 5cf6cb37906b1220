package org.chatalot.server.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.model.admin.BackupScheduleView;
import org.chatalot.server.common.Actor;
import org.chatalot.server.common.Principal;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.Routes;

/**
 * {@code /api/admin/backups}: make, list and delete backups (admins); download one (owners only: an archive
 * holds the token signing key, so whoever has it can sign in as anyone, the owner included); read and set the
 * schedule the server takes them on (admins).
 */
public final class BackupApi implements HttpService {
    private final BackupService backups;
    private final ScheduledBackups scheduled;
    private final Access access;
    private final Json json;

    public BackupApi(BackupService backups, ScheduledBackups scheduled, Access access, Json json) {
        this.backups = backups;
        this.scheduled = scheduled;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/", access.admin((who, req, res) -> json.send(res, backups.list())))
                .post("/", access.admin((who, req, res) -> json.send(res, Status.CREATED_201,
                        backups.create(Actor.of(who, Access.origin(req))))))
                // before "/{name}": "schedule" is not a backup's name, but the route would match it
                .get("/schedule", access.admin((who, req, res) -> json.send(res, scheduled.view())))
                .put("/schedule", access.admin((who, req, res) -> json.send(res, scheduled.update(
                        Actor.of(who, Access.origin(req)), json.read(req, BackupScheduleView.class)))))
                .get("/{name}", access.owner(this::download))
                .delete("/{name}", access.admin((who, req, res) -> {
                    backups.delete(Actor.of(who, Access.origin(req)), name(req));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .register();
    }

    private void download(Principal who, ServerRequest req, ServerResponse res) {
        Path file = backups.archive(Actor.of(who, Access.origin(req)), name(req));
        try {
            res.headers().set(HeaderNames.CONTENT_TYPE, "application/zip");
            res.headers().set(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + file.getFileName() + "\"");
            res.headers().contentLength(Files.size(file));
            try (OutputStream out = res.outputStream()) {
                Files.copy(file, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("backup download interrupted", e);
        }
    }

    private static String name(ServerRequest req) {
        return req.path().pathParameters().get("name");
    }
}
