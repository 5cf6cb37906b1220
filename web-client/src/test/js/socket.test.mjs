import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, fakeClock, settle } from './web.mjs';

const { createRealtime, BACKOFF_MAX_MS } = await load('core/socket.js');

/** A WebSocket stand-in the test drives: it records what the client sends and plays the server's part. */
function fakeServer() {
  const sockets = [];
  class FakeSocket {
    constructor(url) {
      this.url = url;
      this.sent = [];
      this.closed = null;
      sockets.push(this);
    }
    send(text) {
      this.sent.push(JSON.parse(text));
    }
    close(code) {
      this.closed = code;
    }
    open() {
      this.onopen?.();
    }
    push(frame) {
      this.onmessage?.({ data: JSON.stringify(frame) });
    }
    drop(code = 1006) {
      this.onclose?.({ code });
    }
  }
  return { sockets, FakeSocket, last: () => sockets[sockets.length - 1] };
}

function setup({ random = () => 0.5, token = 'tok' } = {}) {
  const server = fakeServer();
  const clock = fakeClock();
  const events = [];
  const states = [];
  let refreshes = 0;
  const realtime = createRealtime({ url: 'wss://chat.test/ws', WebSocket: server.FakeSocket,
    accessToken: async () => token, refreshAccessToken: async () => (refreshes++, true),
    onEvent: (event) => events.push(event), onState: (state) => states.push(state),
    now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer, random });
  return { realtime, server, clock, events, states, refreshes: () => refreshes };
}

async function connect(ctx, { sessionId = 's1', seq = 1 } = {}) {
  ctx.realtime.start();
  await settle();
  const socket = ctx.server.last();
  socket.open();
  socket.push({ type: 'authenticated', seq, user_id: 'u', session_id: sessionId, server_version: 'x' });
  return socket;
}

test('authenticates first and reports online', async () => {
  const ctx = setup();
  const socket = await connect(ctx);
  assert.deepEqual(socket.sent[0], { type: 'authenticate', token: 'tok' });
  assert.equal(ctx.realtime.status, 'online');
  assert.equal(ctx.states.at(-1).needsResync, false);
});

test('events are passed on once, in seq order; repeats are dropped', async () => {
  const ctx = setup();
  const socket = await connect(ctx);
  socket.push({ seq: 2, type: 'new_message', message: { id: 'a' } });
  socket.push({ seq: 2, type: 'new_message', message: { id: 'a' } });
  socket.push({ type: 'presence_update', user_id: 'x', status: 'online' });
  socket.push({ seq: 3, type: 'new_message', message: { id: 'b' } });
  assert.deepEqual(ctx.events.map((e) => e.type + (e.message?.id ?? '')), ['new_messagea', 'presence_update',
    'new_messageb']);
  assert.equal(ctx.realtime.lastSeq, 3);
});

test('after a drop it resumes with its session and last seq, and reports online after the replay', async () => {
  const ctx = setup();
  const first = await connect(ctx);
  first.push({ seq: 2, type: 'message_sent', client_id: 'c-1' });
  first.drop(1006);
  assert.equal(ctx.realtime.status, 'offline');
  ctx.clock.advance(BACKOFF_MAX_MS);
  await settle();
  const second = ctx.server.last();
  assert.notEqual(second, first);
  second.open();
  assert.deepEqual(second.sent[0], { type: 'resume', token: 'tok', session_id: 's1', last_seq: 2 });
  second.push({ type: 'resumed', session_id: 's1', replayed: 2 });
  assert.notEqual(ctx.realtime.status, 'online', 'not online until the replay is in');
  second.push({ seq: 3, type: 'new_message', message: { id: 'c' } });
  second.push({ seq: 4, type: 'new_message', message: { id: 'd' } });
  assert.equal(ctx.realtime.status, 'online');
  assert.equal(ctx.states.at(-1).resumed, true);
  assert.equal(ctx.states.at(-1).needsResync, false);
});

test('a failed resume authenticates afresh and asks for a resync', async () => {
  const ctx = setup();
  const first = await connect(ctx);
  first.drop(1001);
  ctx.clock.advance(BACKOFF_MAX_MS);
  await settle();
  const second = ctx.server.last();
  second.open();
  second.push({ type: 'resume_failed', reason: 'unknown session' });
  await settle();
  assert.deepEqual(second.sent[1], { type: 'authenticate', token: 'tok' });
  second.push({ type: 'authenticated', seq: 1, session_id: 's2' });
  assert.equal(ctx.states.at(-1).needsResync, true);
  assert.equal(ctx.realtime.sessionId, 's2');
  second.push({ seq: 2, type: 'new_message', message: { id: 'new-session' } });
  assert.equal(ctx.events.at(-1).message.id, 'new-session', 'seq numbering restarts with the new session');
});

test('backoff grows with jitter up to 30 s and resets after success', async () => {
  const ctx = setup({ random: () => 1 });
  const socket = await connect(ctx);
  socket.drop(1006);
  const delays = [];
  for (let i = 0; i < 10; i++) {
    delays.push(ctx.clock.pending()[0]);
    ctx.clock.advance(delays.at(-1));
    await settle();
    ctx.server.last().drop(1006);
  }
  assert.deepEqual(delays.slice(0, 4), [500, 1000, 2000, 4000]);
  assert.ok(delays.every((delay) => delay <= BACKOFF_MAX_MS));
  assert.equal(delays.at(-1), BACKOFF_MAX_MS);
});

test('jitter spreads reconnects between zero and the ceiling', async () => {
  const ctx = setup({ random: () => 0.1 });
  const socket = await connect(ctx);
  socket.drop(1006);
  assert.equal(ctx.clock.pending()[0], 250, 'never sooner than a quarter second');
});

test('nudge reconnects at once instead of waiting out the backoff', async () => {
  const ctx = setup({ random: () => 1 });
  const socket = await connect(ctx);
  socket.drop(1006);
  ctx.clock.advance(500);
  await settle();
  ctx.server.last().drop(1006);
  const count = ctx.server.sockets.length;
  ctx.realtime.nudge();
  await settle();
  assert.equal(ctx.server.sockets.length, count + 1);
});

test('signed out (4003) stops for good; a refused token (4002) refreshes and reconnects', async () => {
  const ctx = setup();
  const socket = await connect(ctx);
  socket.drop(4002);
  await settle();
  await settle();
  assert.equal(ctx.refreshes(), 1);
  const again = ctx.server.last();
  assert.notEqual(again, socket);
  again.open();
  assert.equal(again.sent[0].type, 'authenticate', 'a refused token starts a new session');
  again.push({ type: 'authenticated', seq: 1, session_id: 's9' });
  again.drop(4003);
  assert.equal(ctx.realtime.status, 'stopped');
  ctx.clock.advance(60_000);
  await settle();
  assert.equal(ctx.server.last(), again, 'no reconnect after being signed out');
});

test('a silent connection is noticed by an unanswered ping and replaced', async () => {
  const ctx = setup();
  const socket = await connect(ctx);
  ctx.clock.advance(30_000);
  assert.equal(socket.sent.at(-1).type, 'ping');
  ctx.clock.advance(10_000);
  assert.equal(socket.closed, 4000);
  assert.equal(ctx.realtime.status, 'offline');
});

test('any frame counts as an answer', async () => {
  const ctx = setup();
  const socket = await connect(ctx);
  ctx.clock.advance(30_000);
  socket.push({ type: 'pong', nonce: '1' });
  ctx.clock.advance(10_000);
  assert.equal(socket.closed, null);
  assert.equal(ctx.realtime.status, 'online');
});

test('send works only on an authenticated socket', async () => {
  const ctx = setup();
  assert.equal(ctx.realtime.send({ type: 'typing' }), false);
  const socket = await connect(ctx);
  assert.equal(ctx.realtime.send({ type: 'typing', channel_id: 'c' }), true);
  assert.deepEqual(socket.sent.at(-1), { type: 'typing', channel_id: 'c' });
});
