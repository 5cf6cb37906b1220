package org.chatalot.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

import org.chatalot.model.auth.AuthTokens;

/** W3: memory the server spends per idle authenticated socket (heap after full GC, and RSS). */
final class IdleSocketsBench {
    private static final int SOCKETS_PER_USER = 8;

    record Result(int sockets, long heapBefore, long heapAfter, long rssBefore, long rssAfter,
                  double heapBytesPerSocket, double rssBytesPerSocket) {
    }

    Result run(ServerProcess server, int sockets) throws Exception {
        Api api = new Api(server.base);
        AuthTokens owner = api.registerOwner(server.setupCode());
        List<AuthTokens> users = api.registerMembers(owner, "idle", (sockets + SOCKETS_PER_USER - 1)
                / SOCKETS_PER_USER);
        Thread.sleep(500);
        long heapBefore = server.heapAfterGc();
        long rssBefore = server.rssBytes();
        HttpClient client = HttpClient.newHttpClient();
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            open.add(Socket.open(client, server.base, users.get(i / SOCKETS_PER_USER).accessToken(), frame -> { }));
        }
        Thread.sleep(2_000);
        long heapAfter = server.heapAfterGc();
        long rssAfter = server.rssBytes();
        open.forEach(Socket::close);
        return new Result(sockets, heapBefore, heapAfter, rssBefore, rssAfter,
                (heapAfter - heapBefore) / (double) sockets, (rssAfter - rssBefore) / (double) sockets);
    }
}
