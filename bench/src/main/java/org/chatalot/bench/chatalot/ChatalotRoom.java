package org.chatalot.bench.chatalot;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

import org.chatalot.bench.room.FrameSink;
import org.chatalot.bench.room.RoomMember;
import org.chatalot.bench.room.RoomServer;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;

/** Our server as a room for the fan-out generator: an owner and members in one public channel. */
public final class ChatalotRoom implements RoomServer {
    private final ServerProcess server;
    private final HttpClient client = HttpClient.newHttpClient();

    public ChatalotRoom(ServerProcess server) {
        this.server = server;
    }

    @Override
    public String name() {
        return ServerProcess.NAME;
    }

    @Override
    public ProcessHandle process() {
        return server.handle();
    }

    @Override
    public List<RoomMember> join(int members, FrameSink sink) throws Exception {
        Api api = new Api(server.base());
        AuthTokens owner = api.registerOwner(server.setupCode());
        List<AuthTokens> everyone = new ArrayList<>(List.of(owner));
        everyone.addAll(api.registerMembers(owner, "fan", members - 1));
        Channel channel = api.channel(owner, "fanout");
        for (AuthTokens member : everyone.subList(1, everyone.size())) {
            api.join(member, channel.id());
        }
        String channelId = channel.id().toString();
        List<RoomMember> joined = new ArrayList<>();
        for (int i = 0; i < everyone.size(); i++) {
            int index = i;
            Socket socket = Socket.open(client, server.base(), everyone.get(i).accessToken(),
                    frame -> sink.frame(index, frame));
            joined.add(RoomMember.of(text -> socket.sendMessage(channelId, text, null), socket::close));
        }
        return joined;
    }

    @Override
    public void close() {
        server.close();
    }
}
