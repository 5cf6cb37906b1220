// Messages the user sent that the server has not confirmed yet. Each carries a client_id; the server stores
// a client_id once per sender and answers a repeat with the original `message_sent`, so re-sending after a
// reconnect (or a reload, or a server restart) can never duplicate a message. The list is kept in the
// tab's session storage: a reload of the tab keeps what was pending.

/** At most this many await their `message_sent` on one socket (the server's limit is 32). */
export const IN_FLIGHT_LIMIT = 24;
/** Error codes after which the same message may succeed later, unchanged. */
const TRANSIENT = new Set(['rate_limited', 'internal_error', 'unavailable', 'storage_full', 'timeout']);
const RETRY_AFTER_MS = 1_500;

/**
 * @param {{send: (frame: object) => boolean, storage?: Storage|null, key?: string,
 *          newId?: () => string, now?: () => number,
 *          setTimer?: Function, clearTimer?: Function}} deps
 */
export function createOutbox({ send, storage = null, key = 'chatalot.outbox', newId = randomId, now = Date.now,
  setTimer = setTimeout, clearTimer = clearTimeout }) {
  /** @type {Array<{client_id: string, channel_id: string, content: string, reply_to: string|null,
   *   files: object[], created_at: number, state: 'queued'|'sent'|'failed', error: string|null,
   *   code: string|null}>} */
  let items = load();
  const listeners = new Set();
  let retryTimer = null;

  function load() {
    try {
      const saved = JSON.parse(storage?.getItem(key) ?? '[]');
      // Anything "sent" before the reload was never confirmed: it goes out again (the server de-duplicates).
      return Array.isArray(saved) ? saved.map((item) => (item.state === 'sent' ? { ...item, state: 'queued' } : item)) : [];
    } catch {
      return [];
    }
  }

  function changed() {
    try {
      storage?.setItem(key, JSON.stringify(items));
    } catch {
      // Storage full or disabled: the outbox still works for this page's lifetime.
    }
    for (const listener of listeners) {
      listener(items);
    }
  }

  function inFlight() {
    return items.filter((item) => item.state === 'sent').length;
  }

  /** Sends queued messages in order, within the in-flight limit; returns how many went out. */
  function flush() {
    let sent = 0;
    let room = IN_FLIGHT_LIMIT - inFlight();
    for (const item of items) {
      if (room <= 0) {
        break;
      }
      if (item.state !== 'queued') {
        continue;
      }
      const frame = { type: 'send_message', channel_id: item.channel_id, content: item.content,
        client_id: item.client_id };
      if (item.reply_to) {
        frame.reply_to = item.reply_to;
      }
      if (item.files?.length) {
        frame.attachments = item.files.map((file) => file.id);
      }
      if (!send(frame)) {
        break;
      }
      item.state = 'sent';
      sent += 1;
      room -= 1;
    }
    if (sent > 0) {
      changed();
    }
    return sent;
  }

  function retryLater() {
    if (retryTimer === null) {
      retryTimer = setTimer(() => {
        retryTimer = null;
        flush();
      }, RETRY_AFTER_MS);
    }
  }

  return {
    get items() {
      return items;
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /**
     * Queues a message (with the files it shares, already uploaded) and sends it at once when the socket is
     * up; returns the pending item.
     */
    enqueue({ channelId, content, replyTo = null, files = [] }) {
      const item = { client_id: newId(), channel_id: channelId, content, reply_to: replyTo, files, created_at: now(),
        state: 'queued', error: null, code: null };
      items = [...items, item];
      changed();
      flush();
      return item;
    },

    flush,

    /**
     * The socket (re)connected. Everything not confirmed goes out again, in order: a message the server
     * stored before the drop is answered with its original `message_sent`, not stored twice.
     */
    connected() {
      for (const item of items) {
        if (item.state === 'sent') {
          item.state = 'queued';
        }
      }
      changed();
      flush();
    },

    /** The socket dropped: what was sent but not confirmed will be re-sent on the next connection. */
    disconnected() {
      // Nothing to do now; `connected` re-sends. Kept for symmetry and for callers that want the hook.
    },

    /** `message_sent`: removes and returns the confirmed item (null when this tab did not send it). */
    confirmed(clientId) {
      const item = items.find((candidate) => candidate.client_id === clientId);
      if (!item) {
        return null;
      }
      items = items.filter((candidate) => candidate !== item);
      changed();
      flush();
      return item;
    },

    /** An `error` naming a client_id: transient ones are retried, others wait for the user's choice. */
    refused(clientId, code, message) {
      const item = items.find((candidate) => candidate.client_id === clientId);
      if (!item) {
        return null;
      }
      if (TRANSIENT.has(code)) {
        item.state = 'queued';
        item.code = code;
        changed();
        retryLater();
      } else {
        item.state = 'failed';
        item.code = code;
        item.error = message;
        changed();
        flush();
      }
      return item;
    },

    /** The user chose Retry on a failed message. */
    retry(clientId) {
      const item = items.find((candidate) => candidate.client_id === clientId);
      if (item && item.state === 'failed') {
        item.state = 'queued';
        item.error = null;
        item.code = null;
        changed();
        flush();
      }
    },

    /** The user chose Discard on a failed message. */
    discard(clientId) {
      const before = items.length;
      items = items.filter((item) => item.client_id !== clientId || item.state === 'sent');
      if (items.length !== before) {
        changed();
      }
    },

    clear() {
      items = [];
      if (retryTimer !== null) {
        clearTimer(retryTimer);
        retryTimer = null;
      }
      changed();
    },
  };
}

function randomId() {
  return 'c-' + (globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
}
