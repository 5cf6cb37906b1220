import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, memoryStorage, fakeClock } from './web.mjs';

const { createSession } = await load('core/session.js');
const { createApi, ApiError } = await load('core/api.js');

/** A shared "browser": one cookie jar on the fake server, one lock manager, one broadcast bus. */
function browser() {
  const server = { refreshCalls: 0, cookie: 'r0', spent: new Set(), revoked: false, delayRefresh: null };
  const lockQueues = new Map();
  const locks = {
    request(name, fn) {
      const tail = lockQueues.get(name) ?? Promise.resolve();
      const run = tail.then(() => fn());
      lockQueues.set(name, run.catch(() => {}));
      return run;
    },
  };
  const bus = new Set();
  function channel() {
    const listeners = [];
    const self = {
      postMessage(data) {
        for (const other of bus) {
          if (other !== self) {
            queueMicrotask(() => other.listeners.forEach((l) => l({ data: structuredClone(data) })));
          }
        }
      },
      addEventListener(type, listener) {
        listeners.push(listener);
      },
      listeners,
    };
    bus.add(self);
    return self;
  }
  async function fetch(url, init) {
    if (url.endsWith('/api/auth/refresh')) {
      server.refreshCalls += 1;
      const presented = server.cookie;
      if (server.delayRefresh) {
        await server.delayRefresh;
      }
      if (server.spent.has(presented) || server.revoked) {
        server.revoked = true;
        return json(401, { error: { code: 'refresh_token_reused', message: 'signed out everywhere' } });
      }
      server.spent.add(presented);
      server.cookie = 'r' + server.refreshCalls;
      return json(200, tokens('a' + server.refreshCalls));
    }
    if (url.endsWith('/api/auth/login')) {
      const body = JSON.parse(init.body);
      if (body.password !== 'right') {
        return json(401, { error: { code: 'invalid_credentials', message: 'wrong username or password' } });
      }
      assert.equal(init.headers['X-Chatalot-Client'], 'web');
      return json(200, tokens('login'));
    }
    if (url.endsWith('/api/auth/logout')) {
      return json(204, null);
    }
    return json(404, { error: { code: 'not_found', message: 'no' } });
  }
  return { server, locks, channel, fetch, storage: memoryStorage() };
}

function tokens(access) {
  return { access_token: access, token_type: 'Bearer', expires_in: 900, session_id: 's',
    user: { id: 'u', username: 'ann', display_name: 'Ann' } };
}

function json(status, body) {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: () => null },
    json: async () => body,
    text: async () => (body === null ? '' : JSON.stringify(body)),
  };
}

function tab(shared, clock = fakeClock()) {
  const api = createApi({ fetch: shared.fetch });
  return createSession({ api, locks: shared.locks, channel: shared.channel(), storage: shared.storage,
    now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
}

test('signing in keeps the access token in memory only', async () => {
  const shared = browser();
  const session = tab(shared);
  await session.signIn({ username: 'ann', password: 'right' });
  assert.equal(await session.accessToken(), 'login');
  assert.equal(session.user.username, 'ann');
  assert.equal(shared.storage.getItem('chatalot.signed-in'), '1');
  assert.ok(![...Array(1)].some(() => JSON.stringify(shared.storage).includes('login')));
});

test('a wrong password is the server\'s error, in its words', async () => {
  const session = tab(browser());
  await assert.rejects(session.signIn({ username: 'ann', password: 'wrong' }),
    (e) => e instanceof ApiError && e.code === 'invalid_credentials' && e.message === 'wrong username or password');
});

test('two tabs refreshing at once spend the refresh cookie once between them', async () => {
  const shared = browser();
  let release;
  shared.server.delayRefresh = new Promise((resolve) => {
    release = resolve;
  });
  shared.storage.setItem('chatalot.signed-in', '1');
  const one = tab(shared);
  const two = tab(shared);
  const restoring = Promise.all([one.restore(), two.restore()]);
  await new Promise((resolve) => setTimeout(resolve, 10));
  release();
  assert.deepEqual(await restoring, [true, true]);
  assert.equal(shared.server.revoked, false, 'no refresh token was presented twice');
  assert.equal(shared.server.refreshCalls, 1, 'the second tab used the token the first one shared');
  assert.equal(await two.accessToken(), await one.accessToken());
});

test('serialised refreshes never present a spent cookie, even without sharing', async () => {
  const shared = browser();
  shared.storage.setItem('chatalot.signed-in', '1');
  const tabs = [tab(shared), tab(shared), tab(shared)];
  await Promise.all(tabs.map((t) => t.refresh()));
  await Promise.all(tabs.map((t) => t.refresh()));
  assert.equal(shared.server.revoked, false);
});

test('signing out in one tab signs out the others', async () => {
  const shared = browser();
  const one = tab(shared);
  const two = tab(shared);
  await one.signIn({ username: 'ann', password: 'right' });
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(two.isSignedIn, true, 'the other tab adopted the sign-in');
  const reasons = [];
  two.onChange((state) => reasons.push(state.reason));
  await one.signOut();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(two.isSignedIn, false);
  assert.deepEqual(reasons, ['signed-out']);
  assert.equal(shared.storage.getItem('chatalot.signed-in'), null);
});

test('restore without the signed-in flag makes no request', async () => {
  const shared = browser();
  assert.equal(await tab(shared).restore(), false);
  assert.equal(shared.server.refreshCalls, 0);
});

test('the token is refreshed before it expires', async () => {
  const shared = browser();
  const clock = fakeClock();
  const session = tab(shared, clock);
  await session.signIn({ username: 'ann', password: 'right' });
  clock.advance(900_000 - 60_000);
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(shared.server.refreshCalls, 1);
  assert.equal(await session.accessToken(), 'a1');
});
