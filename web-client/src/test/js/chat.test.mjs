import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, settle, memoryStorage } from './web.mjs';

const { createChat } = await load('core/chat.js');
const { createStore } = await load('core/store.js');
const { createOutbox } = await load('core/outbox.js');

const me = { id: 'u-me', username: 'me', display_name: 'Me', role: 'member' };
let counter = 0;
const id = () => `0190${String(++counter).padStart(8, '0')}-0000-7000-8000-000000000000`;
const message = (channelId, extra = {}) => ({ id: id(), channel_id: channelId, sender: { id: 'u-ann',
  username: 'ann', display_name: 'Ann' }, content: 'hi', created_at: '2026-12-06T10:00:00Z', reactions: [],
  attachments: [], ...extra });

/** A server whose answers the test writes, and a socket that records frames. */
function setup() {
  const server = { channels: [{ id: 'c1', kind: 'text', name: 'general' }], dms: [], unread: [], messages: { c1: [] },
    requests: [] };
  const api = {
    async get(path) {
      server.requests.push(path);
      if (server.hold && path.includes(server.hold.match)) {
        const hold = server.hold;
        server.hold = null;
        await hold.until;
        return hold.answer;
      }
      if (path === '/api/channels') {
        return server.channels;
      }
      if (path === '/api/dms') {
        return server.dms;
      }
      if (path === '/api/channels/unread') {
        return server.unread;
      }
      const history = /^\/api\/channels\/(\w+)\/messages\?(.*)$/.exec(path);
      if (history) {
        const all = server.messages[history[1]];
        const query = new URLSearchParams(history[2]);
        const after = query.get('after');
        const page = after ? all.filter((m) => m.id > after) : all;
        return { messages: [...page].reverse(), next_before: null, next_after: null };
      }
      if (/\/members$/.test(path)) {
        return [{ user: me, role: 'member', joined_at: 'x' }];
      }
      throw new Error('unexpected GET ' + path);
    },
    async post() {
      return null;
    },
  };
  const frames = [];
  const realtime = { online: false, send(frame) {
    if (!this.online) {
      return false;
    }
    frames.push(frame);
    return true;
  } };
  const store = createStore();
  store.setMe(me);
  const outbox = createOutbox({ send: (frame) => realtime.send(frame), storage: memoryStorage(), key: 'o' });
  const chat = createChat({ api, store, realtime, outbox });
  return { server, api, frames, realtime, store, outbox, chat };
}

test('opening a channel loads its newest messages and members and subscribes to it', async () => {
  const ctx = setup();
  ctx.server.messages.c1.push(message('c1'));
  ctx.realtime.online = true;
  await ctx.chat.start();
  await ctx.chat.open('c1');
  assert.equal(ctx.store.state.timelines.get('c1').messages.length, 1);
  assert.equal(ctx.store.state.members.get('c1').size, 1);
  assert.deepEqual(ctx.frames, [{ type: 'subscribe', channel_ids: ['c1'] }]);
});

test('a page loaded before the realtime session began is caught up when it begins', async () => {
  const ctx = setup();
  const early = message('c1');
  ctx.server.messages.c1.push(early);
  ctx.chat.prefetch('c1');
  await ctx.chat.start();
  await settle();
  // Stored after the page was read, before the socket authenticated: no event will ever announce it.
  const missed = message('c1');
  ctx.server.messages.c1.push(missed);
  ctx.realtime.online = true;
  await ctx.chat.connected({ resumed: false });
  await settle();
  assert.deepEqual(ctx.store.state.timelines.get('c1').messages.map((m) => m.id), [early.id, missed.id]);
  assert.ok(ctx.server.requests.some((path) => path.includes(`after=${early.id}`)));
  assert.ok(ctx.server.requests.includes('/api/channels/unread'), 'counts are refreshed on the first session');
});

test('a new session after a lost one reloads the sidebar and catches up the open channel', async () => {
  const ctx = setup();
  ctx.realtime.online = true;
  await ctx.chat.start();
  await ctx.chat.connected({ resumed: false });
  await ctx.chat.open('c1');
  const before = ctx.server.requests.filter((path) => path === '/api/channels').length;
  const missed = message('c1');
  ctx.server.messages.c1.push(missed);
  await ctx.chat.connected({ resumed: false });
  await settle();
  assert.equal(ctx.server.requests.filter((path) => path === '/api/channels').length, before + 1);
  assert.ok(ctx.store.findMessage('c1', missed.id));
});

test('a resumed session reloads nothing and re-sends what is unconfirmed', async () => {
  const ctx = setup();
  ctx.realtime.online = true;
  await ctx.chat.start();
  await ctx.chat.connected({ resumed: false });
  await ctx.chat.open('c1');
  ctx.chat.send('c1', 'pending one');
  const requests = ctx.server.requests.length;
  await ctx.chat.connected({ resumed: true });
  assert.equal(ctx.server.requests.length, requests);
  assert.equal(ctx.frames.filter((f) => f.type === 'send_message').length, 2, 'sent, then sent again');
});

test('message_sent turns the local echo into the stored message; a refusal with client_id fails it', async () => {
  const ctx = setup();
  ctx.realtime.online = true;
  await ctx.chat.start();
  await ctx.chat.open('c1');
  const item = ctx.chat.send('c1', 'hello  ');
  assert.equal(item.content, 'hello');
  assert.equal(ctx.store.state.pending.length, 1);
  ctx.chat.receive({ type: 'message_sent', client_id: item.client_id, message_id: id(), channel_id: 'c1',
    created_at: '2026-12-06T10:00:01Z' });
  await settle();
  assert.equal(ctx.store.state.pending.length, 0);
  assert.equal(ctx.store.state.timelines.get('c1').messages.at(-1).content, 'hello');
  const refused = ctx.chat.send('c1', 'too big');
  ctx.chat.receive({ type: 'error', code: 'payload_too_large', message: 'content: at most 64 KiB',
    client_id: refused.client_id });
  assert.equal(ctx.outbox.items[0].state, 'failed');
  assert.equal(ctx.chat.send('c1', '   '), null, 'blank messages are not sent');
});

test('history that already holds a pending message confirms it (matched by client_id)', async () => {
  const ctx = setup();
  ctx.realtime.online = true;
  await ctx.chat.start();
  const item = ctx.chat.send('c1', 'sent before a reload');
  ctx.server.messages.c1.push(message('c1', { content: 'sent before a reload', client_id: item.client_id,
    sender: { id: me.id, username: 'me', display_name: 'Me' } }));
  await ctx.chat.open('c1');
  assert.equal(ctx.outbox.items.length, 0);
  assert.equal(ctx.store.state.timelines.get('c1').messages.length, 1);
});

test('typing is announced at most every few seconds and stopped once', () => {
  const ctx = setup();
  ctx.realtime.online = true;
  ctx.chat.typing('c1');
  ctx.chat.typing('c1');
  ctx.chat.stopTyping('c1');
  ctx.chat.stopTyping('c1');
  assert.deepEqual(ctx.frames.map((f) => f.type), ['typing', 'stop_typing']);
});

test('a live message that lands above the gap does not hide the gap from the catch-up', async () => {
  const ctx = setup();
  const m8 = message('c1');
  ctx.server.messages.c1.push(m8);
  let release;
  // The newest page is read now (it holds m8) but reaches the client only later.
  ctx.server.hold = { match: '/messages?limit', until: new Promise((resolve) => {
    release = resolve;
  }), answer: { messages: [m8], next_before: null, next_after: null } };
  ctx.chat.prefetch('c1');
  await settle();
  const m9 = message('c1');
  ctx.server.messages.c1.push(m9);
  ctx.realtime.online = true;
  const connecting = ctx.chat.connected({ resumed: false });
  const m10 = message('c1');
  ctx.server.messages.c1.push(m10);
  ctx.chat.receive({ seq: 2, type: 'new_message', message: m10 });
  release();
  await connecting;
  await settle();
  await settle();
  assert.deepEqual(ctx.store.state.timelines.get('c1').messages.map((m) => m.id), [m8.id, m9.id, m10.id]);
});
