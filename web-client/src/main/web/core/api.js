// The REST client: one place that knows how requests are made, how the server's errors look and what a
// refused or expired access token means. No DOM: runs in the page and under Node's test runner alike.

/** An error the server (or the network) gave, in the server's own words. */
export class ApiError extends Error {
  /**
   * @param {{status: number, code: string, message: string, field?: string|null,
   *          retryAfterSeconds?: number|null, requestId?: string|null}} details
   */
  constructor({ status, code, message, field = null, retryAfterSeconds = null, requestId = null }) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
    this.requestId = requestId;
  }

  /** True when trying again later may work (network down, server busy or restarting, rate limited). */
  get isTransient() {
    return this.status === 0 || this.status === 429 || this.status === 502 || this.status === 503
      || this.status === 504;
  }
}

/** The header that puts the refresh token in an HttpOnly cookie instead of the JSON body. */
export const CLIENT_HEADER = 'X-Chatalot-Client';
export const CLIENT_NAME = 'web';

const OFFLINE_MESSAGE = 'Cannot reach the server. Check your connection; we will keep trying.';

/**
 * @param {{fetch?: typeof fetch, base?: string,
 *          accessToken?: () => Promise<string|null>,
 *          refreshAccessToken?: () => Promise<boolean>}} options
 *   `accessToken` gives the current token (refreshing it first when it is about to expire);
 *   `refreshAccessToken` is called once when the server refuses a token, and says whether to retry.
 */
export function createApi({ fetch: fetchImpl = globalThis.fetch.bind(globalThis), base = '',
  accessToken = async () => null, refreshAccessToken = async () => false } = {}) {

  async function request(method, path, { body, auth = true, signal, retried = false } = {}) {
    const headers = { Accept: 'application/json', [CLIENT_HEADER]: CLIENT_NAME };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (auth) {
      const token = await accessToken();
      if (token) {
        headers.Authorization = `Bearer ${token}`;
      }
    }
    let response;
    try {
      response = await fetchImpl(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal,
      });
    } catch (e) {
      if (e && e.name === 'AbortError') {
        throw e;
      }
      throw new ApiError({ status: 0, code: 'network', message: OFFLINE_MESSAGE });
    }
    if (response.status === 401 && auth && !retried) {
      const error = await errorOf(response);
      if (isExpiredToken(error) && await refreshAccessToken()) {
        return request(method, path, { body, auth, signal, retried: true });
      }
      throw error;
    }
    if (!response.ok) {
      throw await errorOf(response);
    }
    if (response.status === 204) {
      return null;
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    put: (path, body, options) => request('PUT', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    delete: (path, options) => request('DELETE', path, options),
  };
}

function isExpiredToken(error) {
  return error.code === 'token_expired' || error.code === 'invalid_token' || error.code === 'unauthorized';
}

/** Reads the server's `{"error": {...}}` body; anything else becomes a plain error naming the status. */
export async function errorOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const retryAfter = Number.parseInt(response.headers?.get?.('Retry-After') ?? '', 10);
  const error = body && body.error;
  if (error && typeof error.code === 'string') {
    return new ApiError({
      status: response.status,
      code: error.code,
      message: typeof error.message === 'string' ? error.message : error.code,
      field: error.field ?? null,
      retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null,
      requestId: error.request_id ?? null,
    });
  }
  const busy = response.status === 502 || response.status === 503 || response.status === 504;
  return new ApiError({
    status: response.status,
    code: busy ? 'unavailable' : 'http_' + response.status,
    message: busy ? 'The server is restarting or busy. Trying again shortly.'
      : `The server answered ${response.status}.`,
    retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null,
  });
}

/** `encodeURIComponent` for one path segment. */
export function segment(value) {
  return encodeURIComponent(String(value));
}

/** A size in bytes as people read it: 512 B, 3.4 KB, 120 MB. */
export function formatBytes(bytes) {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit += 1;
  } while (value >= 1024 && unit < units.length - 1);
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
