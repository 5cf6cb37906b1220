// The realtime socket for the call page: authenticate, remember the last event's seq, resume the same
// session after a drop (which keeps our place in the call), and pace what we send so a burst of ICE
// candidates stays inside the server's per-socket budget (burst 30, then 10 frames a second).

const BURST = 20;
const PER_SECOND = 8;
const RESUME_DELAY_MS = 1000;

export class RealtimeSocket {
  constructor(tokenSource, onEvent, onStatus) {
    this.tokenSource = tokenSource;
    this.onEvent = onEvent;
    this.onStatus = onStatus;
    this.lastSeq = 0;
    this.sessionId = null;
    this.outbox = [];
    this.tokens = BURST;
    this.refilledAt = performance.now();
    this.closedOnPurpose = false;
  }

  /** Opens and authenticates; resolves with the `authenticated` frame. */
  async open() {
    const token = await this.tokenSource();
    return new Promise((resolve, reject) => {
      this.connect({ type: 'authenticate', token }, (frame) => {
        if (frame.type === 'authenticated') {
          this.sessionId = frame.session_id;
          resolve(frame);
        } else if (frame.type === 'error') {
          reject(new Error(frame.message));
        }
      });
    });
  }

  send(frame) {
    this.outbox.push(JSON.stringify(frame));
    this.drain();
  }

  close() {
    this.closedOnPurpose = true;
    if (this.ws) {
      this.ws.close(1000, 'bye');
    }
  }

  connect(first, onFirstAnswer) {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const ws = new WebSocket(scheme + location.host + '/ws');
    this.ws = ws;
    let answered = false;
    ws.onopen = () => ws.send(JSON.stringify(first));
    ws.onmessage = (message) => {
      const frame = JSON.parse(message.data);
      if (typeof frame.seq === 'number') {
        this.lastSeq = frame.seq;
      }
      if (frame.type === 'authenticated') {
        this.sessionId = frame.session_id;
      }
      if (!answered && onFirstAnswer && ['authenticated', 'resumed', 'resume_failed', 'error'].includes(frame.type)) {
        answered = true;
        onFirstAnswer(frame);
      }
      this.onEvent(frame);
    };
    ws.onclose = () => {
      if (this.ws === ws && !this.closedOnPurpose) {
        this.onStatus('reconnecting');
        setTimeout(() => this.resume(), RESUME_DELAY_MS);
      }
    };
  }

  /**
   * Continues the same session on a new socket. When the server no longer has it (it restarted, or the
   * 2 minutes passed), the socket signs in afresh: the session, and with it the place in a call, is gone.
   */
  async resume() {
    const token = await this.tokenSource();
    this.connect({ type: 'resume', token, session_id: this.sessionId, last_seq: this.lastSeq }, (frame) => {
      if (frame.type === 'resume_failed') {
        this.ws.send(JSON.stringify({ type: 'authenticate', token }));
        this.onStatus('lost');
      } else {
        this.onStatus('resumed');
      }
      this.drain();
    });
  }

  drain() {
    const now = performance.now();
    this.tokens = Math.min(BURST, this.tokens + (now - this.refilledAt) * PER_SECOND / 1000);
    this.refilledAt = now;
    while (this.outbox.length > 0 && this.tokens >= 1 && this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(this.outbox.shift());
      this.tokens -= 1;
    }
    if (this.outbox.length > 0 && !this.drainTimer) {
      this.drainTimer = setTimeout(() => {
        this.drainTimer = null;
        this.drain();
      }, 1000 / PER_SECOND);
    }
  }
}
