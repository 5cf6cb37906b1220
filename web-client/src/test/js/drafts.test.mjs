import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, memoryStorage } from './web.mjs';

const { createDrafts } = await load('core/drafts.js');

test('drafts are kept per channel and per user, and survive a reload', () => {
  const storage = memoryStorage();
  const drafts = createDrafts({ storage, userId: 'u1' });
  drafts.set('c1', 'half a thought');
  drafts.set('c2', 'another');
  assert.equal(createDrafts({ storage, userId: 'u1' }).get('c1'), 'half a thought');
  assert.equal(createDrafts({ storage, userId: 'u2' }).get('c1'), '');
  drafts.clear('c1');
  assert.equal(createDrafts({ storage, userId: 'u1' }).get('c1'), '');
  assert.equal(storage.size, 1);
});

test('a draft still works in memory when storage refuses it', () => {
  const drafts = createDrafts({ storage: { getItem: () => null, setItem: () => {
    throw new Error('quota');
  }, removeItem: () => {} }, userId: 'u1' });
  drafts.set('c1', 'kept');
  assert.equal(drafts.get('c1'), 'kept');
});
