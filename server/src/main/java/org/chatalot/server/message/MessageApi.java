package org.chatalot.server.message;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

import org.chatalot.model.channel.MarkReadRequest;
import org.chatalot.model.channel.NotifySettingRequest;
import org.chatalot.model.message.EditMessageRequest;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.server.channel.NotifyLevels;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.PathParams;
import org.chatalot.server.http.Routes;

/**
 * Message endpoints. Mounted twice: under {@code /api/channels} for history, posting and read state, and
 * under {@code /api/messages} for one message (edit, delete, edits, reactions).
 */
public final class MessageApi {
    private final MessageService messages;
    private final MessageHistory history;
    private final ReadCursors cursors;
    private final NotifyLevels levels;
    private final Access access;
    private final Json json;

    public MessageApi(MessageService messages, MessageHistory history, ReadCursors cursors, NotifyLevels levels,
                      Access access, Json json) {
        this.messages = messages;
        this.history = history;
        this.cursors = cursors;
        this.levels = levels;
        this.access = access;
        this.json = json;
    }

    /**
     * {@code /api/channels/unread}, {@code /api/channels/{id}/messages}, {@code /api/channels/{id}/read},
     * {@code /api/channels/{id}/notifications}.
     */
    public HttpService channelRoutes() {
        return rules -> Routes.on(rules)
                .get("/unread", access.member((who, req, res) -> json.send(res, cursors.unread(who))))
                .get("/{id}/messages", access.member((who, req, res) -> json.send(res, history.page(who,
                        PathParams.uuid(req, "id"), HistoryCursor.of(PathParams.query(req, "before"),
                                PathParams.query(req, "after"), PathParams.query(req, "around")),
                        PathParams.queryInt(req, "limit")))))
                .post("/{id}/messages", access.member((who, req, res) -> {
                    MessageService.Posted posted = messages.send(who, PathParams.uuid(req, "id"),
                            json.read(req, SendMessageRequest.class));
                    json.send(res, posted.isResent() ? Status.OK_200 : Status.CREATED_201, posted.message());
                }))
                .get("/{id}/notifications", access.member((who, req, res) ->
                        json.send(res, levels.get(who, PathParams.uuid(req, "id")))))
                .put("/{id}/notifications", access.member((who, req, res) -> json.send(res, levels.set(who,
                        PathParams.uuid(req, "id"), json.read(req, NotifySettingRequest.class).level()))))
                .post("/{id}/read", access.member((who, req, res) -> {
                    cursors.markRead(who, PathParams.uuid(req, "id"),
                            json.read(req, MarkReadRequest.class).messageId());
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .register();
    }

    /** {@code /api/messages/{id}…}. */
    public HttpService messageRoutes() {
        return rules -> Routes.on(rules)
                .patch("/{id}", access.member((who, req, res) -> {
                    EditMessageRequest edit = json.read(req, EditMessageRequest.class);
                    json.send(res, messages.edit(who, PathParams.uuid(req, "id"), edit.content(), edit.encryption()));
                }))
                .delete("/{id}", access.member((who, req, res) -> {
                    messages.delete(who, PathParams.uuid(req, "id"));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .get("/{id}/edits", access.member((who, req, res) ->
                        json.send(res, messages.edits(who, PathParams.uuid(req, "id")))))
                .put("/{id}/reactions/{emoji}", access.member((who, req, res) -> {
                    messages.react(who, PathParams.uuid(req, "id"), emoji(req));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .delete("/{id}/reactions/{emoji}", access.member((who, req, res) -> {
                    messages.unreact(who, PathParams.uuid(req, "id"), emoji(req));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .register();
    }

    private static String emoji(ServerRequest request) {
        return URLDecoder.decode(request.path().pathParameters().get("emoji"), StandardCharsets.UTF_8);
    }
}
