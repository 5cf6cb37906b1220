import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, settle } from './web.mjs';

const { createStore, WINDOW_MAX, withReaction } = await load('core/store.js');

const me = { id: 'u-me', username: 'me', display_name: 'Me', role: 'member' };
const other = { id: 'u-ann', username: 'ann', display_name: 'Ann' };
let counter = 0;
/** UUIDv7-like ids that sort by creation. */
function id() {
  counter += 1;
  return `0190${String(counter).padStart(8, '0')}-0000-7000-8000-000000000000`;
}
function message(channelId, sender = other, extra = {}) {
  return { id: id(), channel_id: channelId, sender, content: 'hi', reply_to: null, created_at: '2026-12-06T10:00:00Z',
    edited_at: null, deleted: false, reactions: [], attachments: [], ...extra };
}
function storeWithChannel() {
  const store = createStore();
  store.setMe(me);
  store.loadedSidebar({ channels: [{ id: 'c1', kind: 'text', name: 'general', member_count: 2 }], dms: [],
    unread: [{ channel_id: 'c1', unread_count: 0, last_read_message_id: null, last_message_id: null }] });
  return store;
}

test('live messages join a loaded timeline in id order', () => {
  const store = storeWithChannel();
  const a = message('c1');
  const b = message('c1');
  store.loadedLatest('c1', { messages: [a], next_before: null });
  store.apply({ type: 'new_message', message: b });
  store.apply({ type: 'new_message', message: b });
  assert.deepEqual(store.state.timelines.get('c1').messages.map((m) => m.id), [a.id, b.id]);
});

test('others\' messages count as unread unless the user is looking at them', () => {
  const store = storeWithChannel();
  store.loadedLatest('c1', { messages: [], next_before: null });
  store.apply({ type: 'new_message', message: message('c1') });
  store.apply({ type: 'new_message', message: message('c1', me) });
  assert.equal(store.unreadOf('c1').count, 1);
  store.apply({ type: 'new_message', message: message('c1') }, { viewing: () => true });
  assert.equal(store.unreadOf('c1').count, 1);
  assert.equal(store.totalUnread(), 1);
});

test('a read receipt clears the count up to the message read', () => {
  const store = storeWithChannel();
  store.loadedLatest('c1', { messages: [], next_before: null });
  const first = message('c1');
  const second = message('c1');
  store.apply({ type: 'new_message', message: first });
  store.apply({ type: 'new_message', message: second });
  assert.equal(store.unreadOf('c1').count, 2);
  store.apply({ type: 'read_receipt', channel_id: 'c1', user_id: me.id, message_id: first.id });
  assert.equal(store.unreadOf('c1').count, 1);
  store.apply({ type: 'read_receipt', channel_id: 'c1', user_id: me.id, message_id: second.id });
  assert.equal(store.unreadOf('c1').count, 0);
  store.apply({ type: 'read_receipt', channel_id: 'c1', user_id: me.id, message_id: first.id });
  assert.equal(store.unreadOf('c1').lastReadId, second.id, 'a cursor never moves back');
});

test('scrolling up keeps at most WINDOW_MAX messages and drops the newest end', () => {
  const store = storeWithChannel();
  const all = Array.from({ length: WINDOW_MAX + 100 }, () => message('c1'));
  store.loadedLatest('c1', { messages: all.slice(-50).reverse(), next_before: all.at(-50).id });
  for (let end = all.length - 50; end > 0; end -= 50) {
    store.loadedOlder('c1', { messages: all.slice(Math.max(0, end - 50), end).reverse(),
      next_before: end - 50 > 0 ? all[end - 50].id : null });
  }
  const line = store.state.timelines.get('c1');
  assert.equal(line.messages.length, WINDOW_MAX);
  assert.equal(line.messages[0].id, all[0].id);
  assert.equal(line.hasNewer, true);
  assert.equal(line.hasOlder, false);
  store.apply({ type: 'new_message', message: message('c1') });
  assert.equal(store.state.timelines.get('c1').messages.length, WINDOW_MAX,
    'a live message is not appended to a window that does not reach the newest');
});

test('edits, deletes and reactions replace the message object', () => {
  const store = storeWithChannel();
  const m = message('c1');
  store.loadedLatest('c1', { messages: [m], next_before: null });
  store.apply({ type: 'message_edited', message: { ...m, content: 'edited', edited_at: 'x' } });
  assert.equal(store.findMessage('c1', m.id).content, 'edited');
  store.apply({ type: 'reaction_added', channel_id: 'c1', message_id: m.id, user_id: me.id, emoji: '🎉' });
  store.apply({ type: 'reaction_added', channel_id: 'c1', message_id: m.id, user_id: me.id, emoji: '🎉' });
  store.apply({ type: 'reaction_added', channel_id: 'c1', message_id: m.id, user_id: other.id, emoji: '🎉' });
  assert.deepEqual(store.findMessage('c1', m.id).reactions, [{ emoji: '🎉', user_ids: [me.id, other.id] }]);
  store.apply({ type: 'reaction_removed', channel_id: 'c1', message_id: m.id, user_id: me.id, emoji: '🎉' });
  store.apply({ type: 'reaction_removed', channel_id: 'c1', message_id: m.id, user_id: other.id, emoji: '🎉' });
  assert.deepEqual(store.findMessage('c1', m.id).reactions, []);
  const before = store.findMessage('c1', m.id);
  store.apply({ type: 'message_deleted', channel_id: 'c1', message_id: m.id, deleted_by: other.id });
  const after = store.findMessage('c1', m.id);
  assert.notEqual(before, after);
  assert.equal(after.deleted, true);
  assert.equal(after.content, '');
});

test('typing shows until it expires, stops, or a message arrives', () => {
  let time = 0;
  const store = createStore({ now: () => time });
  store.setMe(me);
  store.apply({ type: 'user_typing', channel_id: 'c1', user_id: other.id });
  store.rememberUsers([other]);
  assert.deepEqual(store.typingIn('c1').map((u) => u.id), [other.id]);
  time = 10_001;
  assert.deepEqual(store.typingIn('c1'), []);
  store.apply({ type: 'user_typing', channel_id: 'c1', user_id: other.id });
  store.apply({ type: 'new_message', message: message('c1') });
  assert.deepEqual(store.typingIn('c1'), []);
  store.apply({ type: 'user_typing', channel_id: 'c1', user_id: me.id });
  assert.deepEqual(store.typingIn('c1'), [], 'our own typing from another tab is not shown');
});

test('membership events add and remove channels and members', () => {
  const store = storeWithChannel();
  store.loadedMembers('c1', [{ user: me, role: 'owner', joined_at: 'x' }]);
  assert.equal(store.canModerate('c1'), true);
  store.apply({ type: 'member_joined', channel_id: 'c1', member: { user: other, role: 'member', joined_at: 'x' } });
  assert.equal(store.state.members.get('c1').size, 2);
  store.apply({ type: 'member_updated', channel_id: 'c1', member: { user: me, role: 'member', joined_at: 'x' } });
  assert.equal(store.canModerate('c1'), false, 'a demotion takes moderation away at once');
  store.apply({ type: 'member_left', channel_id: 'c1', user_id: me.id, reason: 'removed' });
  assert.equal(store.state.channels.has('c1'), false);
  store.loadedSidebar({ channels: [{ id: 'c1', kind: 'text', name: 'general' }], dms: [], unread: [] });
  store.apply({ type: 'channel_updated', channel: { id: 'c1', kind: 'text', name: 'renamed', deleted: false } });
  assert.equal(store.state.channels.get('c1').name, 'renamed');
  store.apply({ type: 'channel_updated', channel: { id: 'c1', deleted: true } });
  assert.equal(store.state.channels.has('c1'), false);
});

test('presence: bulk replaces, updates change, offline removes', () => {
  const store = storeWithChannel();
  store.apply({ type: 'presence_bulk', users: [{ user_id: 'a', status: 'online' }, { user_id: 'b', status: 'dnd' }] });
  store.apply({ type: 'presence_update', user_id: 'a', status: 'offline' });
  assert.equal(store.presenceOf('a'), 'offline');
  assert.equal(store.presenceOf('b'), 'dnd');
});

test('our confirmed message joins the timeline once, even if history brought it first', () => {
  const store = storeWithChannel();
  store.loadedLatest('c1', { messages: [], next_before: null });
  const item = { client_id: 'c-1', channel_id: 'c1', content: 'mine', reply_to: null };
  const sent = { message_id: id(), created_at: '2026-12-06T10:00:01Z' };
  store.confirmedOwn(item, sent);
  store.confirmedOwn(item, sent);
  const messages = store.state.timelines.get('c1').messages;
  assert.equal(messages.length, 1);
  assert.equal(messages[0].sender.id, me.id);
});

test('listeners hear about a burst of changes once', async () => {
  const store = storeWithChannel();
  let calls = 0;
  store.subscribe(() => {
    calls += 1;
  });
  store.loadedLatest('c1', { messages: [], next_before: null });
  for (let i = 0; i < 20; i++) {
    store.apply({ type: 'new_message', message: message('c1') });
  }
  await settle();
  assert.equal(calls, 1);
});

test('withReaction does not change the message it is given', () => {
  const m = { id: 'm', reactions: [{ emoji: 'x', user_ids: ['a'] }] };
  withReaction(m, 'x', 'b', true);
  assert.deepEqual(m.reactions, [{ emoji: 'x', user_ids: ['a'] }]);
});

test('a message that arrives live while the newest page is loading is kept when the page lands', () => {
  const store = storeWithChannel();
  const early = message('c1');
  const live = message('c1');
  store.loading('c1', 'latest');
  store.apply({ type: 'new_message', message: live });
  store.loadedLatest('c1', { messages: [early], next_before: null });
  assert.deepEqual(store.state.timelines.get('c1').messages.map((m) => m.id), [early.id, live.id]);
  store.loading('c1', 'latest');
  store.loadedLatest('c1', { messages: [early, live].reverse(), next_before: null });
  assert.equal(store.state.timelines.get('c1').messages.length, 2, 'nothing is kept twice');
});

test('user_updated gives every view of the person the new name and status text', () => {
  const store = storeWithChannel();
  store.loadedSidebar({ channels: [{ id: 'c1', kind: 'text', name: 'general', member_count: 2 }],
    dms: [{ channel: { id: 'd1', kind: 'dm' }, other: { ...other, status_text: null } }], unread: [] });
  store.loadedMembers('c1', [{ user: { ...other, status_text: null }, role: 'member' },
    { user: me, role: 'owner' }]);
  const theirs = message('c1');
  const mine = message('c1', me);
  store.loadedLatest('c1', { messages: [theirs, mine], next_before: null });

  store.apply({ type: 'user_updated', user: { id: other.id, username: 'ann', display_name: 'Ann Lee',
    status: 'active', created_at: '2026-12-01T00:00:00Z', status_text: 'In the lab' } });

  assert.equal(store.displayName(other.id), 'Ann Lee');
  assert.equal(store.state.users.get(other.id).status_text, 'In the lab');
  const member = store.state.members.get('c1').get(other.id);
  assert.equal(member.user.display_name, 'Ann Lee');
  assert.equal(member.user.status_text, 'In the lab');
  assert.equal(member.role, 'member');
  assert.equal(store.dmName('d1'), 'Ann Lee');
  assert.equal(store.state.dmOther.get('d1').status_text, 'In the lab');
  const [shownTheirs, shownMine] = store.state.timelines.get('c1').messages;
  assert.equal(shownTheirs.sender.display_name, 'Ann Lee');
  assert.notEqual(shownTheirs, theirs, 'a new object, so the row is drawn again');
  assert.equal(shownMine, mine, 'others\' rows are left alone');
});

test('user_updated about the signed-in user changes who the store says they are', () => {
  const store = storeWithChannel();
  store.apply({ type: 'user_updated', user: { id: me.id, username: 'me', display_name: 'New Me', status: 'active',
    status_text: 'Busy' } });
  assert.equal(store.state.me.display_name, 'New Me');
  assert.equal(store.state.me.status_text, 'Busy');
  assert.equal(store.state.me.role, 'member', 'private fields the event does not carry are kept');
});

test('a cleared status text is cleared, and a later message sender does not bring an old one back', () => {
  const store = storeWithChannel();
  store.rememberUsers([{ ...other, status_text: 'Away' }]);
  store.apply({ type: 'user_updated', user: { ...other, status_text: null } });
  assert.equal(store.state.users.get(other.id).status_text, null);
  store.apply({ type: 'user_updated', user: { ...other, status_text: 'Back' } });
  store.loadedLatest('c1', { messages: [message('c1')], next_before: null });
  assert.equal(store.state.users.get(other.id).status_text, 'Back');
});
