// Who is signed in, and the access token that proves it. The access token lives only in memory; the
// refresh token lives in an HttpOnly cookie the page cannot read. Refreshes are serialised across the
// tabs of this browser (Web Locks) and a fresh token is shared with the other tabs (BroadcastChannel):
// the server treats a refresh token spent twice as stolen and signs the session out.

const LOCK_NAME = 'chatalot-refresh';
const CHANNEL_NAME = 'chatalot-session';
const SIGNED_IN_FLAG = 'chatalot.signed-in';
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * @param {{api: ReturnType<import('./api.js').createApi>, locks?: {request: Function}|null,
 *          channel?: {postMessage: Function, addEventListener: Function}|null,
 *          storage?: Storage|null, now?: () => number,
 *          setTimer?: (fn: Function, ms: number) => any, clearTimer?: (id: any) => void}} deps
 */
export function createSession({ api, locks = null, channel = null, storage = null, now = Date.now,
  setTimer = setTimeout, clearTimer = clearTimeout }) {
  let token = null;
  let expiresAt = 0;
  let user = null;
  let sessionId = null;
  let version = 0;
  let inflight = null;
  let timer = null;
  const listeners = new Set();
  const localLock = createLocalLock();

  function state() {
    return { user, sessionId, signedIn: token !== null };
  }

  function notify(reason) {
    const snapshot = { ...state(), reason };
    for (const listener of listeners) {
      listener(snapshot);
    }
  }

  function adopt(tokens, { broadcast }) {
    token = tokens.access_token;
    expiresAt = now() + tokens.expires_in * 1000;
    user = tokens.user ?? user;
    sessionId = tokens.session_id ?? sessionId;
    version += 1;
    storage?.setItem(SIGNED_IN_FLAG, '1');
    scheduleRefresh();
    if (broadcast) {
      channel?.postMessage({ type: 'tokens', tokens: { access_token: token, expires_in: Math.floor((expiresAt - now()) / 1000),
        user, session_id: sessionId } });
    }
    notify('signed-in');
  }

  function forget(reason, { broadcast }) {
    const wasSignedIn = token !== null || user !== null;
    token = null;
    expiresAt = 0;
    user = null;
    sessionId = null;
    version += 1;
    storage?.removeItem(SIGNED_IN_FLAG);
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    if (broadcast) {
      channel?.postMessage({ type: 'signed-out', reason });
    }
    if (wasSignedIn) {
      notify(reason);
    }
  }

  function scheduleRefresh() {
    if (timer !== null) {
      clearTimer(timer);
    }
    const delay = Math.max(5_000, expiresAt - now() - REFRESH_MARGIN_MS);
    timer = setTimer(() => {
      timer = null;
      refresh().catch(() => { /* the next request retries, or the user is shown as signed out */ });
    }, delay);
  }

  channel?.addEventListener('message', (event) => {
    const message = event.data;
    if (message?.type === 'tokens' && message.tokens?.access_token) {
      adopt(message.tokens, { broadcast: false });
    } else if (message?.type === 'signed-out') {
      forget(message.reason ?? 'signed-out-elsewhere', { broadcast: false });
    }
  });

  function withLock(fn) {
    return locks ? locks.request(LOCK_NAME, fn) : localLock(fn);
  }

  /**
   * Gets a new access token with the refresh cookie. Only one tab at a time does it; a tab that waited
   * for the lock while another refreshed uses the token the other tab shared instead of spending the
   * (already rotated) cookie again. Resolves to whether a token is available afterwards.
   */
  function refresh() {
    if (inflight) {
      return inflight;
    }
    const before = version;
    inflight = withLock(async () => {
      if (version !== before && token !== null && expiresAt - now() > REFRESH_MARGIN_MS) {
        return true;
      }
      try {
        const tokens = await api.post('/api/auth/refresh', undefined, { auth: false });
        adopt(tokens, { broadcast: true });
        return true;
      } catch (e) {
        if (e.status === 401 || e.status === 403) {
          forget(e.code === 'refresh_token_reused' ? 'refresh-reused' : 'expired', { broadcast: true });
          return false;
        }
        throw e;
      }
    }).finally(() => {
      inflight = null;
    });
    return inflight;
  }

  return {
    state,
    get user() {
      return user;
    },
    get isSignedIn() {
      return token !== null;
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** The access token, refreshed first when it is about to expire; null when signed out. */
    async accessToken() {
      if (token !== null && expiresAt - now() > REFRESH_MARGIN_MS / 2) {
        return token;
      }
      if (token === null && user === null) {
        return null;
      }
      await refresh().catch(() => false);
      return token;
    },

    refresh,

    /**
     * On page load: signs in again from the refresh cookie when this browser was signed in. Network
     * trouble is thrown (the caller shows it and retries); a missing or expired cookie answers false.
     */
    async restore() {
      if (storage && storage.getItem(SIGNED_IN_FLAG) !== '1') {
        return false;
      }
      user = user ?? { pending: true };
      const ok = await refresh();
      if (!ok) {
        user = null;
      }
      return ok;
    },

    async signIn({ username, password, totpCode, backupCode }) {
      const body = { username, password };
      if (totpCode) {
        body.totp_code = totpCode;
      }
      if (backupCode) {
        body.backup_code = backupCode;
      }
      adopt(await api.post('/api/auth/login', body, { auth: false }), { broadcast: true });
    },

    /** Registers (with an invite or setup code when given) and signs in; returns the recovery code. */
    async register({ username, displayName, email, password, inviteCode, setupCode }) {
      const body = { username, password };
      if (displayName) {
        body.display_name = displayName;
      }
      if (email) {
        body.email = email;
      }
      if (inviteCode) {
        body.invite_code = inviteCode;
      }
      if (setupCode) {
        body.setup_code = setupCode;
      }
      const answer = await api.post('/api/auth/register', body, { auth: false });
      adopt(answer, { broadcast: true });
      return answer.recovery_code;
    },

    /** Sets a new password with the recovery code and signs in; returns the new recovery code. */
    async recover({ username, recoveryCode, newPassword }) {
      const answer = await api.post('/api/auth/recover',
        { username, recovery_code: recoveryCode, new_password: newPassword }, { auth: false });
      adopt(answer, { broadcast: true });
      return answer.recovery_code;
    },

    /** Signs this browser out (the server forgets the session, every tab here shows the sign-in page). */
    async signOut() {
      try {
        await api.post('/api/auth/logout', undefined, { auth: token !== null });
      } catch {
        // Signed out here in any case; the session expires on the server by itself.
      }
      forget('signed-out', { broadcast: true });
    },

    /** The server ended the session (force_logout, revoked token): forget it everywhere in this browser. */
    ended(reason) {
      forget(reason, { broadcast: true });
    },

    /** Applies a profile the server sent back (display name change and the like). */
    updateUser(next) {
      user = { ...user, ...next };
      notify('profile');
    },
  };
}

/** A mutex within this tab, for browsers without Web Locks (pages not served over HTTPS or localhost). */
function createLocalLock() {
  let tail = Promise.resolve();
  return (fn) => {
    const run = tail.then(() => fn());
    tail = run.catch(() => undefined);
    return run;
  };
}
