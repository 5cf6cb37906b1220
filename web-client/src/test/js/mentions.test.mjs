import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './web.mjs';

const { splitMentions, mentionAt, completions, complete } = await load('core/markdown.js');
const { createStore, mentionsMe } = await load('core/store.js');

test('names in text are found as the server finds them, emails and sentence ends included', () => {
  assert.deepEqual(splitMentions('hi @Bob, mail amy@example.com or @channel.'), [
    { text: 'hi ' }, { mention: 'bob', raw: '@Bob' }, { text: ', mail amy@example.com or ' },
    { mention: 'channel', raw: '@channel' }, { text: '.' }]);
  assert.deepEqual(splitMentions('thanks @bob.'), [{ text: 'thanks ' }, { mention: 'bob', raw: '@bob' }, { text: '.' }]);
  assert.deepEqual(splitMentions('no names here'), [{ text: 'no names here' }]);
  assert.deepEqual(splitMentions('@@bob x@bob'), [{ text: '@@bob x@bob' }]);
});

test('a message mentions me when it names me, or says @channel and is not mine', () => {
  const named = { sender: { id: 'ann' }, mentions: ['me'], mentions_channel: false };
  const everyone = { sender: { id: 'ann' }, mentions: [], mentions_channel: true };
  const mine = { sender: { id: 'me' }, mentions: [], mentions_channel: true };
  assert.equal(mentionsMe(named, 'me'), true);
  assert.equal(mentionsMe(everyone, 'me'), true);
  assert.equal(mentionsMe(mine, 'me'), false);
  assert.equal(mentionsMe({ ...named, deleted: true }, 'me'), false);
  assert.equal(mentionsMe({ sender: { id: 'ann' } }, 'me'), false, 'a server without mentions: none');
});

test('the @name being typed is found at the caret, not inside a word or an email', () => {
  assert.deepEqual(mentionAt('hello @bo', 9), { start: 6, query: 'bo' });
  assert.deepEqual(mentionAt('@', 1), { start: 0, query: '' });
  assert.equal(mentionAt('mail amy@ex', 11), null);
  assert.equal(mentionAt('hello @bob and more', 19), null);
  assert.deepEqual(mentionAt('(@Ann', 5), { start: 1, query: 'ann' });
});

test('completions put usernames first, then display names, then @channel', () => {
  const people = [{ username: 'bob', display_name: 'Robert' }, { username: 'ann', display_name: 'Bobbie Ray' },
    { username: 'carl', display_name: 'Carl' }];
  assert.deepEqual(completions(people, 'bo').map((option) => option.username), ['bob', 'ann']);
  assert.deepEqual(completions(people, 'ch').map((option) => option.username), ['channel']);
  assert.deepEqual(completions(people, '').map((option) => option.username), ['ann', 'bob', 'carl', 'channel']);
  assert.equal(completions(people, 'zz').length, 0);
});

test('completing replaces the typed part and leaves one space after the name', () => {
  assert.deepEqual(complete('hi @bo', { start: 3 }, 6, 'bob'), { text: 'hi @bob ', caret: 8 });
  assert.deepEqual(complete('hi @bo there', { start: 3 }, 6, 'bob'), { text: 'hi @bob there', caret: 8 });
  assert.deepEqual(complete('@b', { start: 0 }, 2, 'channel'), { text: '@channel ', caret: 9 });
});

test('mention counts follow new messages and the read cursor; levels default by kind', () => {
  const store = createStore();
  store.setMe({ id: 'me', username: 'me' });
  store.loadedSidebar({ channels: [{ id: 'c1', kind: 'text', name: 'general' }],
    dms: [{ channel: { id: 'd1', kind: 'dm' }, other: { id: 'ann', username: 'ann' } }],
    unread: [{ channel_id: 'c1', unread_count: 2, mention_count: 1, last_read_message_id: '0001',
      last_message_id: '0003', notify_level: null },
    { channel_id: 'd1', unread_count: 0, mention_count: 0, last_read_message_id: null, last_message_id: null,
      notify_level: 'nothing' }] });
  assert.equal(store.unreadOf('c1').mentions, 1);
  assert.equal(store.notifyLevelOf('c1'), 'mentions');
  assert.equal(store.notifyLevelOf('d1'), 'nothing');
  const base = { channel_id: 'c1', sender: { id: 'ann', username: 'ann' }, content: 'hey @me', created_at: '2026-12-06T10:00:00Z',
    reactions: [], attachments: [] };
  store.apply({ type: 'new_message', message: { ...base, id: '0004', mentions: ['me'], mentions_channel: false } });
  store.apply({ type: 'new_message', message: { ...base, id: '0005', content: 'hey', mentions: [], mentions_channel: false } });
  assert.equal(store.unreadOf('c1').count, 4);
  assert.equal(store.unreadOf('c1').mentions, 2);
  assert.equal(store.totalMentions(), 2);
  store.readUpTo('c1', '0005');
  assert.equal(store.unreadOf('c1').mentions, 0);
  store.setNotifyLevel('c1', 'all');
  assert.equal(store.notifyLevelOf('c1'), 'all');
  store.apply({ type: 'notify_setting_changed', setting: { channel_id: 'c1', level: 'nothing', is_default: false } });
  assert.equal(store.notifyLevelOf('c1'), 'nothing', 'a choice made in another browser');
  store.apply({ type: 'notify_setting_changed', setting: { channel_id: 'c1', level: 'mentions', is_default: true } });
  assert.equal(store.unreadOf('c1').level, null, 'back to the default, which follows the kind');
});
