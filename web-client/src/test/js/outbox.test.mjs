import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, fakeClock, memoryStorage } from './web.mjs';

const { createOutbox, IN_FLIGHT_LIMIT } = await load('core/outbox.js');

function setup({ online = true, storage = memoryStorage() } = {}) {
  const frames = [];
  const link = { online };
  const clock = fakeClock();
  let n = 0;
  const outbox = createOutbox({ send: (frame) => (link.online ? (frames.push(frame), true) : false), storage,
    key: 'k', newId: () => `c-${++n}`, now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
  return { outbox, frames, link, clock, storage };
}

test('a message goes out at once with its client_id and waits for message_sent', () => {
  const { outbox, frames } = setup();
  const item = outbox.enqueue({ channelId: 'c1', content: 'hello', replyTo: 'm0' });
  assert.deepEqual(frames, [{ type: 'send_message', channel_id: 'c1', content: 'hello', client_id: 'c-1',
    reply_to: 'm0' }]);
  assert.equal(item.state, 'sent');
  assert.equal(outbox.confirmed('c-1').content, 'hello');
  assert.equal(outbox.items.length, 0);
  assert.equal(outbox.confirmed('c-1'), null, 'a repeated confirmation is ignored');
});

test('offline messages queue in order and go out when connected', () => {
  const { outbox, frames, link } = setup({ online: false });
  outbox.enqueue({ channelId: 'c1', content: 'one' });
  outbox.enqueue({ channelId: 'c1', content: 'two' });
  assert.equal(frames.length, 0);
  link.online = true;
  outbox.connected();
  assert.deepEqual(frames.map((f) => f.content), ['one', 'two']);
});

test('after a reconnect, sent-but-unconfirmed messages are sent again with the same client_id', () => {
  const { outbox, frames } = setup();
  outbox.enqueue({ channelId: 'c1', content: 'one' });
  outbox.enqueue({ channelId: 'c1', content: 'two' });
  outbox.confirmed('c-1');
  outbox.connected();
  assert.deepEqual(frames.map((f) => f.client_id), ['c-1', 'c-2', 'c-2']);
});

test('no more than the in-flight limit await confirmation', () => {
  const { outbox, frames } = setup();
  for (let i = 0; i < IN_FLIGHT_LIMIT + 5; i++) {
    outbox.enqueue({ channelId: 'c1', content: `m${i}` });
  }
  assert.equal(frames.length, IN_FLIGHT_LIMIT);
  outbox.confirmed('c-1');
  assert.equal(frames.length, IN_FLIGHT_LIMIT + 1);
  assert.equal(frames.at(-1).content, `m${IN_FLIGHT_LIMIT}`);
});

test('transient refusals are retried by themselves; others wait for Retry or Discard', () => {
  const { outbox, frames, clock } = setup();
  outbox.enqueue({ channelId: 'c1', content: 'busy' });
  outbox.refused('c-1', 'rate_limited', 'slow down');
  assert.equal(outbox.items[0].state, 'queued');
  clock.advance(2_000);
  assert.equal(frames.length, 2);
  outbox.enqueue({ channelId: 'c1', content: 'archived' });
  outbox.refused('c-2', 'channel_archived', 'this channel is archived');
  const failed = outbox.items.find((i) => i.client_id === 'c-2');
  assert.equal(failed.state, 'failed');
  assert.equal(failed.error, 'this channel is archived');
  outbox.retry('c-2');
  assert.equal(frames.at(-1).client_id, 'c-2');
  outbox.refused('c-2', 'channel_archived', 'this channel is archived');
  outbox.discard('c-2');
  assert.deepEqual(outbox.items.map((i) => i.client_id), ['c-1']);
});

test('a reload keeps pending messages and sends them again', () => {
  const storage = memoryStorage();
  const first = setup({ storage });
  first.outbox.enqueue({ channelId: 'c1', content: 'survives' });
  const second = setup({ storage, online: false });
  assert.equal(second.outbox.items.length, 1);
  assert.equal(second.outbox.items[0].state, 'queued');
  second.link.online = true;
  second.outbox.connected();
  assert.deepEqual(second.frames.map((f) => f.client_id), ['c-1']);
});
