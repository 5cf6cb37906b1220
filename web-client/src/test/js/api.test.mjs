import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './web.mjs';

const { createApi, ApiError } = await load('core/api.js');

function response(status, body, headers = {}) {
  return { status, ok: status >= 200 && status < 300, headers: { get: (name) => headers[name] ?? null },
    json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
    text: async () => (body == null ? '' : typeof body === 'string' ? body : JSON.stringify(body)) };
}

test('errors carry the server\'s code, message, field and Retry-After', async () => {
  const api = createApi({ fetch: async () => response(429, { error: { code: 'rate_limited', message: 'slow down',
    field: null } }, { 'Retry-After': '7' }) });
  await assert.rejects(api.get('/api/x'), (e) => e instanceof ApiError && e.code === 'rate_limited'
    && e.retryAfterSeconds === 7 && e.isTransient);
  const invalid = createApi({ fetch: async () => response(400, { error: { code: 'validation_failed',
    message: 'name: required', field: 'name' } }) });
  await assert.rejects(invalid.post('/api/x', {}), (e) => e.field === 'name' && !e.isTransient);
});

test('a proxy error page becomes a plain, transient error', async () => {
  const api = createApi({ fetch: async () => response(502, '<html>Bad Gateway</html>') });
  await assert.rejects(api.get('/api/x'), (e) => e.code === 'unavailable' && e.isTransient);
});

test('the network being down is an error that says so', async () => {
  const api = createApi({ fetch: async () => {
    throw new TypeError('Failed to fetch');
  } });
  await assert.rejects(api.get('/api/x'), (e) => e.status === 0 && e.code === 'network');
});

test('an expired access token is refreshed once and the request repeated', async () => {
  let token = 'old';
  const seen = [];
  const api = createApi({
    fetch: async (url, init) => {
      seen.push(init.headers.Authorization);
      return init.headers.Authorization === 'Bearer old'
        ? response(401, { error: { code: 'token_expired', message: 'expired' } })
        : response(200, { ok: true });
    },
    accessToken: async () => token,
    refreshAccessToken: async () => {
      token = 'new';
      return true;
    },
  });
  assert.deepEqual(await api.get('/api/x'), { ok: true });
  assert.deepEqual(seen, ['Bearer old', 'Bearer new']);
});

test('a revoked session is not retried', async () => {
  let refreshed = 0;
  const api = createApi({ fetch: async () => response(401, { error: { code: 'session_revoked', message: 'gone' } }),
    accessToken: async () => 't', refreshAccessToken: async () => (refreshed++, true) });
  await assert.rejects(api.get('/api/x'), (e) => e.code === 'session_revoked');
  assert.equal(refreshed, 0);
});

test('requests say they come from the web client and send cookies only to their own origin', async () => {
  let init;
  const api = createApi({ fetch: async (url, options) => {
    init = options;
    return response(204, null);
  } });
  assert.equal(await api.post('/api/x', { a: 1 }), null);
  assert.equal(init.headers['X-Chatalot-Client'], 'web');
  assert.equal(init.credentials, 'same-origin');
  assert.equal(init.body, '{"a":1}');
});
