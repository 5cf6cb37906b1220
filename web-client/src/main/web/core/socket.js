// The one WebSocket of this tab: authenticates, numbers what it has seen, resumes after a drop (so no event
// is lost or repeated), and reconnects with jittered backoff. It knows nothing of chat; it hands every
// event to `onEvent` and reports its state to `onState`.

/** Close codes after which reconnecting with the same credentials is pointless. */
const SIGNED_OUT = 4003;
const TOKEN_REFUSED = 4002;
const TOO_MANY_SOCKETS = 4004;
const REPLACED = 4007;

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 30_000;
const PING_EVERY_MS = 30_000;
const PONG_WITHIN_MS = 10_000;

/**
 * @param {{url: string, WebSocket: any, accessToken: () => Promise<string|null>,
 *          refreshAccessToken: () => Promise<boolean>,
 *          onEvent: (event: object) => void,
 *          onState: (state: {status: string, since: number, attempt: number, resumed?: boolean,
 *                            needsResync?: boolean}) => void,
 *          now?: () => number, setTimer?: Function, clearTimer?: Function, random?: () => number}} deps
 */
export function createRealtime({ url, WebSocket: Socket, accessToken, refreshAccessToken, onEvent, onState,
  now = Date.now, setTimer = setTimeout, clearTimer = clearTimeout, random = Math.random }) {
  let ws = null;
  let status = 'idle';
  let since = now();
  let attempt = 0;
  let retryTimer = null;
  let pingTimer = null;
  let pongTimer = null;
  let sessionId = null;
  let lastSeq = 0;
  let everConnected = false;
  let replayLeft = 0;
  let resumedNow = false;

  function setStatus(next, extra = {}) {
    if (next !== status || extra.resumed !== undefined) {
      if (next !== status) {
        since = now();
      }
      status = next;
      onState({ status, since, attempt, ...extra });
    }
  }

  async function connect() {
    clearRetry();
    if (status === 'stopped') {
      return;
    }
    setStatus('connecting');
    const token = await accessToken().catch(() => null);
    if (status === 'stopped') {
      return;
    }
    if (!token) {
      scheduleReconnect();
      return;
    }
    let socket;
    try {
      socket = new Socket(url);
    } catch {
      scheduleReconnect();
      return;
    }
    ws = socket;
    socket.onopen = () => {
      if (ws !== socket) {
        return;
      }
      if (sessionId) {
        socket.send(JSON.stringify({ type: 'resume', token, session_id: sessionId, last_seq: lastSeq }));
      } else {
        socket.send(JSON.stringify({ type: 'authenticate', token }));
      }
    };
    socket.onmessage = (message) => {
      if (ws === socket) {
        receive(message.data);
      }
    };
    socket.onclose = (event) => {
      if (ws === socket) {
        dropped(event.code);
      }
    };
    socket.onerror = () => { /* onclose follows and decides */ };
  }

  function receive(data) {
    let event;
    try {
      event = JSON.parse(data);
    } catch {
      return;
    }
    alive();
    switch (event.type) {
      case 'authenticated':
        sessionId = event.session_id;
        lastSeq = event.seq ?? 0;
        connected({ resumed: false, needsResync: everConnected });
        return;
      case 'resumed':
        replayLeft = event.replayed ?? 0;
        resumedNow = true;
        if (replayLeft === 0) {
          connected({ resumed: true, needsResync: false });
        }
        return;
      case 'resume_failed':
        sessionId = null;
        lastSeq = 0;
        accessToken().then((token) => {
          if (ws && token) {
            ws.send(JSON.stringify({ type: 'authenticate', token }));
          }
        });
        return;
      case 'pong':
        return;
      default:
        break;
    }
    if (typeof event.seq === 'number') {
      if (event.seq <= lastSeq) {
        return;
      }
      lastSeq = event.seq;
    }
    onEvent(event);
    if (resumedNow && typeof event.seq === 'number' && --replayLeft <= 0) {
      connected({ resumed: true, needsResync: false });
    }
  }

  function connected(details) {
    resumedNow = false;
    attempt = 0;
    everConnected = true;
    setStatus('online', details);
    startHeartbeat();
  }

  function dropped(code) {
    ws = null;
    stopHeartbeat();
    resumedNow = false;
    if (status === 'stopped') {
      return;
    }
    if (code === SIGNED_OUT) {
      stop('signed-out');
      return;
    }
    if (code === REPLACED) {
      stop('replaced');
      return;
    }
    if (code === TOKEN_REFUSED) {
      sessionId = null;
      refreshAccessToken().then((ok) => (ok ? connect() : stop('signed-out')), () => scheduleReconnect());
      return;
    }
    if (code === TOO_MANY_SOCKETS) {
      attempt = Math.max(attempt, 6);
    }
    scheduleReconnect();
  }

  function scheduleReconnect() {
    clearRetry();
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
    const delay = Math.max(BACKOFF_BASE_MS / 2, Math.round(random() * ceiling));
    attempt += 1;
    setStatus('offline');
    retryTimer = setTimer(() => {
      retryTimer = null;
      connect();
    }, delay);
  }

  function clearRetry() {
    if (retryTimer !== null) {
      clearTimer(retryTimer);
      retryTimer = null;
    }
  }

  function startHeartbeat() {
    stopHeartbeat();
    pingTimer = setTimer(function ping() {
      pingTimer = null;
      checkAlive();
    }, PING_EVERY_MS);
  }

  /** Any frame proves the connection; a ping unanswered in time means it is gone without a close. */
  function checkAlive() {
    if (!ws || status !== 'online') {
      return;
    }
    ws.send(JSON.stringify({ type: 'ping', nonce: String(now()) }));
    if (pongTimer === null) {
      pongTimer = setTimer(() => {
        pongTimer = null;
        const socket = ws;
        if (socket) {
          ws = null;
          try {
            socket.close(4000, 'no answer to ping');
          } catch { /* already closing */ }
          dropped(1006);
        }
      }, PONG_WITHIN_MS);
    }
  }

  function alive() {
    if (pongTimer !== null) {
      clearTimer(pongTimer);
      pongTimer = null;
    }
    if (status === 'online') {
      startHeartbeat();
    }
  }

  function stopHeartbeat() {
    if (pingTimer !== null) {
      clearTimer(pingTimer);
      pingTimer = null;
    }
    if (pongTimer !== null) {
      clearTimer(pongTimer);
      pongTimer = null;
    }
  }

  function stop(reason = 'stopped') {
    clearRetry();
    stopHeartbeat();
    const socket = ws;
    ws = null;
    status = 'stopped';
    since = now();
    onState({ status, since, attempt, reason });
    if (socket) {
      try {
        socket.close(1000, 'bye');
      } catch { /* already closed */ }
    }
  }

  return {
    start() {
      if (status === 'idle' || status === 'stopped') {
        status = 'idle';
        connect();
      }
    },
    stop,
    /** The browser came online or the tab became visible: try now instead of waiting out the backoff. */
    nudge() {
      if (status === 'offline') {
        attempt = 0;
        connect();
      } else if (status === 'online') {
        checkAlive();
      }
    },
    /** Sends a frame when the socket is authenticated; false otherwise (the caller keeps it for later). */
    send(frame) {
      if (!ws || status !== 'online') {
        return false;
      }
      try {
        ws.send(JSON.stringify(frame));
        return true;
      } catch {
        return false;
      }
    },
    get status() {
      return status;
    },
    get sessionId() {
      return sessionId;
    },
    get lastSeq() {
      return lastSeq;
    },
  };
}
