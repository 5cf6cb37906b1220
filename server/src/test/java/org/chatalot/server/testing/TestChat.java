package org.chatalot.server.testing;

import java.util.UUID;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.AddMemberRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.channel.DmChannel;
import org.chatalot.model.channel.Visibility;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.MessagePage;
import org.chatalot.model.message.SendMessageRequest;

/** Channel and message operations through the REST API, for setting up realtime tests. */
public final class TestChat {
    private final TestServer server;

    public TestChat(TestServer server) {
        this.server = server;
    }

    public Channel publicChannel(AuthTokens owner, String name) {
        return create(owner, name, Visibility.PUBLIC);
    }

    public Channel privateChannel(AuthTokens owner, String name) {
        return create(owner, name, Visibility.PRIVATE);
    }

    public Channel create(AuthTokens owner, String name, Visibility visibility) {
        return create(owner, name, ChannelKind.TEXT, visibility);
    }

    /** A voice channel: the place of a call. */
    public Channel voiceChannel(AuthTokens owner, String name, Visibility visibility) {
        return create(owner, name, ChannelKind.VOICE, visibility);
    }

    private Channel create(AuthTokens owner, String name, ChannelKind kind, Visibility visibility) {
        return server.users().expect(201, server.users().post(owner.accessToken(), "/api/channels",
                new CreateChannelRequest(name, kind, visibility, null)), Channel.class);
    }

    public void join(AuthTokens user, UUID channelId) {
        server.users().expect(200, server.users().post(user.accessToken(), "/api/channels/" + channelId + "/join",
                "{}"), Channel.class);
    }

    public ChannelMember add(AuthTokens by, UUID channelId, UUID userId) {
        return server.users().expect(201, server.users().post(by.accessToken(),
                "/api/channels/" + channelId + "/members", new AddMemberRequest(userId)), ChannelMember.class);
    }

    public DmChannel dm(AuthTokens from, UUID toUserId) {
        return server.users().expect(200, server.users().post(from.accessToken(), "/api/dms",
                new AddMemberRequest(toUserId)), DmChannel.class);
    }

    public Message send(AuthTokens from, UUID channelId, String content) {
        return server.users().expect(201, server.users().post(from.accessToken(),
                "/api/channels/" + channelId + "/messages", new SendMessageRequest(content, null, null, null)),
                Message.class);
    }

    public MessagePage history(AuthTokens reader, UUID channelId, String query) {
        return server.users().expect(200, server.users().get(reader.accessToken(),
                "/api/channels/" + channelId + "/messages" + (query == null ? "" : "?" + query)), MessagePage.class);
    }
}
