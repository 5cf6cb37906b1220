// What the call sends on the socket, paced and kept: the server allows a socket 30 frames at once and 10 a
// second (chat frames count too), and a burst of ICE candidates must not be refused. Frames wait while the
// socket is away; a signal for a call that is over is dropped instead of sent.

/** The server allows 30 frames at once and 10 a second per socket; signaling stays well inside that. */
export const SIGNAL_BURST = 20;
export const SIGNALS_PER_SECOND = 8;

/**
 * @param {{send: (frame: object) => boolean, currentCall: () => string|null, online?: boolean,
 *          now?: () => number, setTimer?: Function, clearTimer?: Function}} deps
 */
export function createSignalQueue({ send, currentCall, online = false, now = Date.now, setTimer = setTimeout,
  clearTimer = clearTimeout }) {
  /** @type {{frame: object, callId: string|null}[]} */
  const queue = [];
  let tokens = SIGNAL_BURST;
  let refilledAt = now();
  let timer = null;
  let isOnline = online;

  function drain() {
    const at = now();
    tokens = Math.min(SIGNAL_BURST, tokens + ((at - refilledAt) * SIGNALS_PER_SECOND) / 1000);
    refilledAt = at;
    while (queue.length > 0 && tokens >= 1) {
      const item = queue[0];
      if (item.callId && item.callId !== currentCall()) {
        queue.shift();
        continue;
      }
      if (!isOnline || !send(item.frame)) {
        return;
      }
      queue.shift();
      tokens -= 1;
    }
    if (queue.length > 0 && timer === null) {
      timer = setTimer(() => {
        timer = null;
        drain();
      }, 1000 / SIGNALS_PER_SECOND);
    }
  }

  return {
    /** Sends now or as soon as allowed; `callId` ties the frame to one call. */
    push(frame, callId = null) {
      queue.push({ frame, callId });
      drain();
    },
    /** Forgets the waiting frames that match. */
    drop(predicate = () => true) {
      for (let i = queue.length - 1; i >= 0; i--) {
        if (predicate(queue[i].frame)) {
          queue.splice(i, 1);
        }
      }
    },
    setOnline(up) {
      isOnline = up;
      drain();
    },
    get isOnline() {
      return isOnline;
    },
    drain,
    clear() {
      queue.length = 0;
      if (timer !== null) {
        clearTimer(timer);
        timer = null;
      }
    },
  };
}
