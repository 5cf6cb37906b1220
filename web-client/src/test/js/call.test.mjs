import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, fakeClock, memoryStorage, settle } from './web.mjs';

const { createCallController } = await load('core/call.js');
const { SIGNAL_BURST } = await load('core/call-signals.js');
const { DISCONNECTED_RESTART_MS } = await load('core/call-peer.js');
const { fitTiles, mediaProblem, INSECURE_TEXT } = await load('core/call-media.js');
const { createStore } = await load('core/store.js');

// ---- fakes for the browser's media and WebRTC ----

class FakeTrack {
  constructor(kind, label = kind) {
    this.kind = kind;
    this.label = label;
    this.enabled = true;
    this.stopped = false;
  }

  stop() {
    this.stopped = true;
  }
}

class FakeStream {
  constructor(tracks = []) {
    this.tracks = [...tracks];
  }

  getTracks() {
    return [...this.tracks];
  }

  getAudioTracks() {
    return this.tracks.filter((track) => track.kind === 'audio');
  }

  getVideoTracks() {
    return this.tracks.filter((track) => track.kind === 'video');
  }

  addTrack(track) {
    this.tracks.push(track);
  }
}

function deviceError(name) {
  const error = new Error(`fake ${name}`);
  error.name = name;
  return error;
}

/** getUserMedia that hands out fake tracks, or fails with the error named for that kind. */
function fakeMedia({ fail = {} } = {}) {
  const asked = [];
  return {
    asked,
    async getUserMedia(constraints) {
      asked.push(constraints);
      const kind = constraints.audio ? 'audio' : 'video';
      if (fail[kind]) {
        throw deviceError(fail[kind]);
      }
      return new FakeStream([new FakeTrack(kind, `${kind}-${asked.length}`)]);
    },
    async enumerateDevices() {
      return [{ kind: 'audioinput', deviceId: 'mic-1', label: 'Desk microphone' },
        { kind: 'audioinput', deviceId: 'mic-2', label: '' },
        { kind: 'videoinput', deviceId: 'cam-1', label: 'Camera' }];
    },
  };
}

class FakeTransceiver {
  constructor(kind, track, direction) {
    this.kind = kind;
    this.direction = direction;
    this.receiver = { track: new FakeTrack(kind, `remote-${kind}`) };
    this.sender = { track, replaceTrack: async (next) => {
      this.sender.track = next;
    } };
  }
}

const connections = [];

class FakePeerConnection {
  constructor(configuration) {
    this.configuration = configuration;
    this.transceivers = [];
    this.signalingState = 'stable';
    this.connectionState = 'new';
    this.localDescription = null;
    this.remoteDescription = null;
    this.candidates = [];
    this.restarts = 0;
    this.closed = false;
    this.offers = 0;
    connections.push(this);
  }

  addTransceiver(trackOrKind, { direction }) {
    const kind = typeof trackOrKind === 'string' ? trackOrKind : trackOrKind.kind;
    const transceiver = new FakeTransceiver(kind, typeof trackOrKind === 'string' ? null : trackOrKind, direction);
    this.transceivers.push(transceiver);
    // Like the browser: one negotiationneeded for the changes made in one go.
    if (!this.negotiationQueued) {
      this.negotiationQueued = true;
      queueMicrotask(() => {
        this.negotiationQueued = false;
        this.onnegotiationneeded?.();
      });
    }
    return transceiver;
  }

  getTransceivers() {
    return this.transceivers;
  }

  async setLocalDescription() {
    if (this.signalingState === 'have-remote-offer') {
      this.localDescription = { type: 'answer', sdp: 'answer-sdp' };
      this.signalingState = 'stable';
    } else {
      this.offers += 1;
      this.localDescription = { type: 'offer', sdp: `offer-sdp-${this.offers}` };
      this.signalingState = 'have-local-offer';
    }
  }

  async setRemoteDescription(description) {
    this.remoteDescription = description;
    if (description.type === 'offer') {
      if (this.transceivers.length === 0) {
        this.transceivers.push(new FakeTransceiver('audio', null, 'recvonly'),
          new FakeTransceiver('video', null, 'recvonly'));
        for (const transceiver of this.transceivers) {
          this.ontrack?.({ track: transceiver.receiver.track });
        }
      }
      this.signalingState = 'have-remote-offer';
    } else {
      this.signalingState = 'stable';
      for (const transceiver of this.transceivers) {
        this.ontrack?.({ track: transceiver.receiver.track });
      }
    }
  }

  async addIceCandidate(candidate) {
    this.candidates.push(candidate);
  }

  getConfiguration() {
    return this.configuration;
  }

  setConfiguration(configuration) {
    this.configuration = configuration;
  }

  restartIce() {
    this.restarts += 1;
  }

  close() {
    this.closed = true;
  }

  /** Test side: the browser's ICE agent reports a new state. */
  becomes(state) {
    this.connectionState = state;
    this.onconnectionstatechange?.();
  }

  gathered(count) {
    for (let i = 0; i < count; i++) {
      this.onicecandidate?.({ candidate: { candidate: `candidate:${i} 1 udp 1 127.0.0.1 ${5000 + i} typ host`,
        sdpMid: '0', sdpMLineIndex: 0 } });
    }
  }
}

// Ids compare as lowercase text: "me" is between the two others.
const ME = '0190aaaa-0000-7000-8000-000000000002';
const LOWER = '0190aaaa-0000-7000-8000-000000000001';
const HIGHER = '0190aaaa-0000-7000-8000-000000000003';
const VOICE = 'voice-1';
const CALL = 'call-1';

function setup({ secure = true, media = fakeMedia(), ice = { ice_servers: [{ urls: ['stun:stun.test'] }] } } = {}) {
  const clock = fakeClock();
  const store = createStore({ now: clock.now });
  store.setMe({ id: ME, username: 'me', display_name: 'Me' });
  const sent = [];
  const notices = [];
  const fetched = [];
  let socketUp = true;
  const api = {
    async get(path) {
      fetched.push(path);
      return ice;
    },
  };
  const controller = createCallController({
    send: (frame) => {
      if (!socketUp) {
        return false;
      }
      sent.push(frame);
      return true;
    },
    api, store, media, secure, storage: memoryStorage(), online: true,
    PeerConnection: FakePeerConnection, MediaStream: FakeStream, AudioContext: undefined,
    onNotice: (notice) => notices.push(notice), now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer,
  });
  const receive = (event) => {
    store.apply(event);
    return controller.receive(event);
  };
  return { clock, store, controller, sent, notices, fetched, media, receive,
    setSocket(up) {
      socketUp = up;
    },
    framesOf: (type) => sent.filter((frame) => frame.type === type) };
}

/** Joins and lets the server acknowledge it with the given participants (me included). */
async function inCall(t, participants = [ME, HIGHER], extra = {}) {
  await t.controller.join(VOICE);
  t.receive({ type: 'user_joined_voice', channel_id: VOICE, user_id: ME });
  t.receive({ type: 'voice_state_update', channel_id: VOICE, session_id: CALL, participants, muted: [], camera: [],
    ...extra });
  await settle();
}

test('a page that is not a secure context says why it cannot call, and sends nothing', async () => {
  const t = setup({ secure: false });
  await t.controller.join(VOICE);
  assert.equal(t.controller.state.phase, 'idle');
  assert.equal(t.controller.state.problem.kind, 'insecure');
  assert.equal(t.controller.state.problem.text, INSECURE_TEXT);
  assert.equal(t.controller.state.problem.channelId, VOICE);
  assert.deepEqual(t.sent, []);
  assert.deepEqual(t.media.asked, []);
});

test('a refused microphone is explained; joining to listen only still works, muted', async () => {
  const t = setup({ media: fakeMedia({ fail: { audio: 'NotAllowedError' } }) });
  await t.controller.join(VOICE);
  assert.equal(t.controller.state.problem.kind, 'denied');
  assert.match(t.controller.state.problem.text, /may not use your microphone/);
  assert.deepEqual(t.framesOf('join_voice'), []);

  await t.controller.join(VOICE, { listenOnly: true });
  assert.equal(t.controller.state.problem, null);
  assert.deepEqual(t.framesOf('join_voice'), [{ type: 'join_voice', channel_id: VOICE, muted: true, camera: false }]);
});

test('no microphone at all, or one that is busy, gets its own words', () => {
  assert.equal(mediaProblem(deviceError('NotFoundError'), 'microphone').text,
    'No microphone was found. Connect one, then try again.');
  assert.match(mediaProblem(deviceError('NotReadableError'), 'camera').text, /camera could not be started/);
  assert.equal(mediaProblem(deviceError('SecurityError'), 'camera').kind, 'denied');
});

test('joining opens the microphone, then fetches the ICE servers, then sends join_voice', async () => {
  const t = setup({ ice: { ice_servers: [{ urls: ['turn:turn.test'], username: 'u', credential: 'c' }] } });
  await t.controller.join(VOICE);
  assert.deepEqual(t.fetched, ['/api/calls/ice']);
  assert.equal(t.media.asked.length, 1);
  assert.ok(t.media.asked[0].audio.echoCancellation);
  assert.equal(t.controller.state.phase, 'joining');
  assert.deepEqual(t.framesOf('join_voice'), [{ type: 'join_voice', channel_id: VOICE, muted: false, camera: false }]);
  assert.ok(t.controller.isIn(VOICE));

  t.receive({ type: 'user_joined_voice', channel_id: VOICE, user_id: ME });
  t.receive({ type: 'voice_state_update', channel_id: VOICE, session_id: CALL, participants: [HIGHER, ME],
    muted: [], camera: [] });
  assert.equal(t.controller.state.phase, 'in-call');
  assert.equal(t.controller.state.callId, CALL);
  const pc = connections.at(-1);
  assert.deepEqual(pc.configuration.iceServers, [{ urls: ['turn:turn.test'], username: 'u', credential: 'c' }]);
});

test('the higher id offers with one audio and one video transceiver; the answer completes it', async () => {
  const t = setup();
  await inCall(t, [ME, LOWER]);
  const pc = connections.at(-1);
  assert.deepEqual(pc.transceivers.map((x) => [x.kind, x.direction, Boolean(x.sender.track)]),
    [['audio', 'sendrecv', true], ['video', 'sendrecv', false]]);
  const offers = t.framesOf('rtc_offer');
  assert.equal(offers.length, 1, 'negotiationneeded fires once per batch of changes here');
  assert.equal(offers[0].target_user_id, LOWER);
  assert.equal(offers[0].session_id, CALL);

  assert.equal(t.receive({ type: 'rtc_answer', from_user_id: LOWER, session_id: CALL, sdp: 'their-answer' }), true);
  await settle();
  assert.deepEqual(pc.remoteDescription, { type: 'answer', sdp: 'their-answer' });
  assert.equal(t.controller.state.peers.get(LOWER).stream.getTracks().length, 2);
});

test('the lower id waits for the offer, then sends its microphone on the offered transceivers', async () => {
  const t = setup();
  await inCall(t, [HIGHER, ME]);
  const pc = connections.at(-1);
  assert.equal(t.framesOf('rtc_offer').length, 0);
  t.receive({ type: 'rtc_ice_candidate', from_user_id: HIGHER, session_id: CALL, candidate: '{"candidate":"c1"}' });
  t.receive({ type: 'rtc_offer', from_user_id: HIGHER, session_id: 'an-older-call', sdp: 'stale' });
  t.receive({ type: 'rtc_offer', from_user_id: HIGHER, session_id: CALL, sdp: 'their-offer' });
  await settle();
  assert.deepEqual(pc.remoteDescription, { type: 'offer', sdp: 'their-offer' });
  assert.deepEqual(pc.transceivers.map((x) => [x.kind, x.direction, x.sender.track?.kind ?? null]),
    [['audio', 'sendrecv', 'audio'], ['video', 'sendrecv', null]]);
  assert.deepEqual(t.framesOf('rtc_answer'), [{ type: 'rtc_answer', target_user_id: HIGHER, session_id: CALL,
    sdp: 'answer-sdp' }]);
  assert.deepEqual(pc.candidates, [{ candidate: 'c1' }]);
});

test('mute and camera change only the tracks sent, and tell the others', async () => {
  const t = setup();
  await inCall(t, [ME, LOWER]);
  const pc = connections.at(-1);
  await t.controller.toggleMute();
  assert.equal(t.controller.state.muted, true);
  assert.equal(t.controller.state.audioTrack.enabled, false);
  await t.controller.toggleCamera();
  await settle();
  const video = pc.transceivers.find((x) => x.kind === 'video');
  assert.equal(video.sender.track.kind, 'video');
  assert.ok(t.controller.state.preview);
  await t.controller.toggleCamera();
  await settle();
  assert.equal(video.sender.track, null);
  assert.equal(t.controller.state.preview, null);
  assert.deepEqual(t.framesOf('update_voice_state'), [{ type: 'update_voice_state', muted: true },
    { type: 'update_voice_state', camera: true }, { type: 'update_voice_state', camera: false }]);
  assert.equal(t.framesOf('rtc_offer').length, 1, 'no renegotiation');
});

test('a mute while the join is on its way is told once the server has let us in', async () => {
  const t = setup();
  await t.controller.join(VOICE);
  await t.controller.toggleMute();
  assert.deepEqual(t.framesOf('update_voice_state'), [], 'not before the join is acknowledged');
  t.receive({ type: 'user_joined_voice', channel_id: VOICE, user_id: ME });
  assert.deepEqual(t.framesOf('update_voice_state'), [{ type: 'update_voice_state', muted: true }]);
});

test('a camera that cannot open leaves the call as it was and says why', async () => {
  const t = setup({ media: fakeMedia({ fail: { video: 'NotFoundError' } }) });
  await inCall(t);
  await t.controller.toggleCamera();
  assert.equal(t.controller.state.camera, false);
  assert.deepEqual(t.notices, [{ text: 'No camera was found. Connect one, then try again.', kind: 'error' }]);
  assert.deepEqual(t.framesOf('update_voice_state'), []);
});

test('signaling is paced inside the server\'s frame budget', async () => {
  const t = setup();
  await inCall(t, [ME, LOWER]);
  const before = t.sent.length;
  connections.at(-1).gathered(40);
  const sentAtOnce = t.sent.length - before;
  assert.ok(sentAtOnce < SIGNAL_BURST, `sent ${sentAtOnce} at once`);
  t.clock.advance(10_000);
  assert.equal(t.framesOf('rtc_ice_candidate').length, 40);
});

test('frames wait while the socket is away; a resumed session stays in the call', async () => {
  const t = setup();
  await inCall(t, [ME, LOWER]);
  t.setSocket(false);
  t.controller.connection({ status: 'offline' });
  assert.equal(t.controller.state.phase, 'reconnecting');
  await t.controller.toggleMute();
  assert.deepEqual(t.framesOf('update_voice_state'), []);
  t.setSocket(true);
  t.controller.connection({ status: 'online', resumed: true });
  assert.equal(t.controller.state.phase, 'in-call');
  assert.deepEqual(t.framesOf('update_voice_state'), [{ type: 'update_voice_state', muted: true }]);
  assert.equal(t.framesOf('join_voice').length, 1);
  assert.equal(connections.at(-1).closed, false);
});

test('a new session joins again; the call state it is sent first (its old place) is not taken for the join',
  async () => {
    const t = setup();
    await inCall(t, [ME, LOWER]);
    const old = connections.at(-1);
    t.controller.connection({ status: 'online', resumed: false });
    assert.equal(old.closed, true);
    assert.equal(t.controller.state.phase, 'joining');
    assert.deepEqual(t.framesOf('join_voice').at(-1), { type: 'join_voice', channel_id: VOICE, muted: false,
      camera: false });
    const count = connections.length;
    t.receive({ type: 'voice_state_update', channel_id: VOICE, session_id: CALL, participants: [ME, LOWER],
      muted: [], camera: [] });
    t.receive({ type: 'user_left_voice', channel_id: VOICE, user_id: ME, reason: 'rejoined' });
    assert.equal(connections.length, count, 'no peer before the join is acknowledged');
    t.receive({ type: 'user_joined_voice', channel_id: VOICE, user_id: ME });
    t.receive({ type: 'voice_state_update', channel_id: VOICE, session_id: CALL, participants: [LOWER, ME],
      muted: [], camera: [] });
    assert.equal(t.controller.state.phase, 'in-call');
    assert.equal(connections.length, count + 1);
  });

test('removed after the grace: joins again by itself; moved elsewhere: the call ends here with a word', async () => {
  const t = setup();
  await inCall(t, [ME, LOWER]);
  t.receive({ type: 'user_left_voice', channel_id: VOICE, user_id: ME, reason: 'disconnected' });
  assert.equal(t.controller.state.phase, 'joining');
  assert.equal(t.framesOf('join_voice').length, 2);
  t.receive({ type: 'user_joined_voice', channel_id: VOICE, user_id: ME });
  t.receive({ type: 'voice_state_update', channel_id: VOICE, session_id: CALL, participants: [LOWER, ME],
    muted: [], camera: [] });

  const track = t.controller.state.audioTrack;
  t.receive({ type: 'user_left_voice', channel_id: VOICE, user_id: ME, reason: 'moved' });
  assert.equal(t.controller.state.phase, 'idle');
  assert.equal(track.stopped, true, 'the microphone is released');
  assert.match(t.notices.at(-1).text, /joined another call/);
});

test('a full call and a cooldown answer the join in the call panel, not as chat notices', async () => {
  const t = setup();
  await t.controller.join(VOICE);
  assert.equal(t.receive({ type: 'error', code: 'voice_cooldown', message: 'wait 700 ms: one join per 2 seconds' }),
    true);
  t.clock.advance(900);
  assert.equal(t.framesOf('join_voice').length, 2);
  const full = 'channel_id: this call is full (25 participants)';
  assert.equal(t.receive({ type: 'error', code: 'voice_full', message: full }), true);
  assert.equal(t.controller.state.phase, 'idle');
  assert.equal(t.controller.state.problem.text, full);
  assert.equal(t.receive({ type: 'error', code: 'not_member', message: 'not mine' }), false);
});

test('a failed connection restarts ICE at once; a disconnected one after a while if it does not recover',
  async () => {
    const t = setup();
    await inCall(t, [ME, LOWER]);
    const pc = connections.at(-1);
    pc.becomes('failed');
    assert.equal(pc.restarts, 1);
    pc.becomes('disconnected');
    t.clock.advance(DISCONNECTED_RESTART_MS - 1);
    assert.equal(pc.restarts, 1);
    t.clock.advance(1);
    assert.equal(pc.restarts, 2);
    pc.becomes('disconnected');
    pc.becomes('connected');
    t.clock.advance(DISCONNECTED_RESTART_MS);
    assert.equal(pc.restarts, 2);
  });

test('hanging up sends leave_voice, closes the peers and releases the microphone', async () => {
  const t = setup();
  await inCall(t, [ME, LOWER]);
  const track = t.controller.state.audioTrack;
  const pc = connections.at(-1);
  t.controller.leave();
  assert.deepEqual(t.sent.at(-1), { type: 'leave_voice' });
  assert.equal(pc.closed, true);
  assert.equal(track.stopped, true);
  assert.equal(t.controller.state.phase, 'idle');
  assert.equal(t.controller.isIn(VOICE), false);
});

test('others leaving close their connection; a chosen microphone replaces the one sent', async () => {
  const t = setup();
  await inCall(t, [ME, LOWER, HIGHER]);
  assert.equal(t.controller.state.peers.size, 2);
  t.receive({ type: 'user_left_voice', channel_id: VOICE, user_id: LOWER, reason: 'left' });
  assert.deepEqual([...t.controller.state.peers.keys()], [HIGHER]);

  await t.controller.refreshDevices();
  assert.deepEqual(t.controller.state.devices.audioinput, [{ id: 'mic-1', label: 'Desk microphone' },
    { id: 'mic-2', label: 'Microphone 2' }]);
  const before = t.controller.state.audioTrack;
  await t.controller.chooseDevice('audioinput', 'mic-2');
  assert.deepEqual(t.media.asked.at(-1).audio.deviceId, { exact: 'mic-2' });
  assert.equal(before.stopped, true);
  assert.notEqual(t.controller.state.audioTrack, before);
});

test('the store keeps every call going on, for the sidebar, and forgets them with a new session', () => {
  const store = createStore();
  store.setMe({ id: ME });
  store.apply({ type: 'voice_state_update', channel_id: VOICE, session_id: CALL, participants: [LOWER, ME],
    muted: [ME], camera: [] });
  assert.deepEqual(store.voiceIn(VOICE), { sessionId: CALL, participants: [LOWER, ME], muted: [ME], camera: [] });
  store.markAllStale();
  assert.equal(store.voiceIn(VOICE), null);
  store.apply({ type: 'voice_state_update', channel_id: VOICE, session_id: CALL, participants: [LOWER],
    muted: [], camera: [] });
  store.apply({ type: 'voice_state_update', channel_id: VOICE, session_id: null, participants: [], muted: [],
    camera: [] });
  assert.equal(store.voiceIn(VOICE), null);
});

test('tiles fill the box they have: one large, four in a square, a strip in a row', () => {
  assert.deepEqual(fitTiles(1, 1600, 900, { gap: 0 }), { cols: 1, rows: 1, width: 1600, height: 900 });
  assert.deepEqual(fitTiles(4, 1600, 900, { gap: 0 }), { cols: 2, rows: 2, width: 800, height: 450 });
  const strip = fitTiles(3, 1000, 84, { gap: 8 });
  assert.equal(strip.cols, 3);
  assert.equal(strip.height, 84);
  const tall = fitTiles(3, 400, 900, { gap: 8 });
  assert.equal(tall.cols, 1);
  assert.deepEqual(fitTiles(0, 100, 100), { cols: 1, rows: 1, width: 0, height: 0 });
});
