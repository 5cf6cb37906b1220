import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './web.mjs';

const { wants } = await load('ui/notify.js');

const fromAnn = { sender: { id: 'ann' }, mentions: [], mentions_channel: false, content: 'hi' };
const mentioning = { ...fromAnn, mentions: ['me'] };

test('a hidden tab is told what the level asks for, never of the user\'s own messages', () => {
  assert.equal(wants(fromAnn, { meId: 'me', level: 'all', hidden: true }), true);
  assert.equal(wants(fromAnn, { meId: 'me', level: 'mentions', hidden: true }), false);
  assert.equal(wants(mentioning, { meId: 'me', level: 'mentions', hidden: true }), true);
  assert.equal(wants(mentioning, { meId: 'me', level: 'nothing', hidden: true }), false);
  assert.equal(wants({ ...fromAnn, sender: { id: 'me' } }, { meId: 'me', level: 'all', hidden: true }), false);
});

test('a visible tab raises no desktop notification', () => {
  assert.equal(wants(mentioning, { meId: 'me', level: 'all', hidden: false }), false);
});
