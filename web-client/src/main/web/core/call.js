// The call the user is in, owned beside the chat (not by a channel view), so it goes on while they read and
// write in other channels. It opens the microphone, joins the voice channel's call over the socket, keeps
// one peer connection per other participant (a mesh), tells the others when it mutes or turns the camera on
// or off, and stays in the call across a dropped connection: a resumed socket changes nothing, a new session
// joins again (the server keeps the place for 15 s), and a peer whose connection fails restarts ICE. Who is
// in which call comes from the store (events); this module adds the user's own call. Loaded on first use.

import { Peer } from './call-peer.js';
import { createSignalQueue } from './call-signals.js';
import { createLocalMedia } from './call-local.js';
import { INSECURE_TEXT, UNSUPPORTED_TEXT, createLevels, mediaProblem } from './call-media.js';

/** TURN credentials are fetched again when they have less than this left. */
const ICE_REFRESH_MARGIN_MS = 5 * 60_000;
/** Errors that answer a call frame; the controller shows them where the call is, not as chat notices. */
const CALL_ERRORS = new Set(['voice_full', 'voice_cooldown', 'not_in_call']);
/** Errors that, right after `join_voice`, can only be about the join. */
const JOIN_ERRORS = new Set(['not_member', 'not_found', 'channel_archived', 'validation_failed', 'forbidden']);

const LEFT_TEXT = {
  moved: 'You joined another call (from another tab or device), so you left this one.',
  rejoined: 'This call continues in another tab or on another device.',
  removed: 'You are no longer a member of this channel, so you left its call.',
  signed_out: 'You were signed out, so you left the call.',
  left: 'You left the call from another tab or device.',
};

/**
 * @param {{send: (frame: object) => boolean, api: any, store: any, media?: any, PeerConnection?: any,
 *          MediaStream?: any, AudioContext?: any, secure?: boolean, storage?: Storage|null,
 *          online?: boolean, onChange?: () => void, onNotice?: (notice: {text: string, kind?: string}) => void,
 *          now?: () => number, setTimer?: Function, clearTimer?: Function}} deps
 *   `online`: whether the socket is up now (afterwards `connection` says so).
 */
export function createCallController({ send, api, store, media = globalThis.navigator?.mediaDevices,
  PeerConnection = globalThis.RTCPeerConnection, MediaStream = globalThis.MediaStream,
  AudioContext = globalThis.AudioContext, secure = globalThis.isSecureContext === true, storage = null,
  online: initiallyOnline = false, onChange = () => {}, onNotice = () => {}, now = Date.now, setTimer = setTimeout,
  clearTimer = clearTimeout }) {

  const call = {
    /** idle · starting (opening the microphone) · joining · in-call · reconnecting */
    phase: 'idle',
    channelId: null,
    /** The call's id (`session_id` of voice_state_update), for the signaling frames. */
    callId: null,
    /** Why the last attempt failed: {kind, text, channelId} until the user retries or dismisses it. */
    problem: null,
    /** @type {Map<string, Peer>} one per other participant */
    peers: new Map(),
    joinedAt: 0,
  };
  let iceConfig = null;
  let iceLoading = null;
  let cooldownTimer = null;
  /** What the server was last told of the microphone and camera (join_voice carries it too). */
  let announced = { muted: false, camera: false };
  const signals = createSignalQueue({ send, currentCall: () => call.callId, online: initiallyOnline, now, setTimer,
    clearTimer });
  const levels = createLevels({ AudioContext, onChange, now, setTimer, clearTimer });
  const local = createLocalMedia({ media, MediaStream, levels, storage, onTrack: (kind, track) => {
    for (const peer of call.peers.values()) {
      peer.setTrack(kind, track);
    }
  } });
  // The views read the call and the user's own media (muted, camera, preview, devices…) from one object.
  for (const key of Object.keys(local.state)) {
    Object.defineProperty(call, key, { get: () => local.state[key], enumerable: true });
  }

  const me = () => store.state.me?.id ?? '';
  const active = () => call.phase !== 'idle';
  /** In the call as the server sees it (joined and acknowledged), whether or not the socket is up. */
  const inCall = () => call.phase === 'in-call' || call.phase === 'reconnecting';

  // ---- ICE servers (with TURN credentials when the server has a TURN_SECRET) ----

  function iceIsFresh() {
    const expires = iceConfig?.expires_at ? Date.parse(iceConfig.expires_at) : Infinity;
    return iceConfig !== null && expires - now() >= ICE_REFRESH_MARGIN_MS;
  }

  function loadIceServers() {
    if (iceIsFresh()) {
      return Promise.resolve(iceConfig.ice_servers ?? []);
    }
    iceLoading = iceLoading ?? api.get('/api/calls/ice').then((config) => {
      iceConfig = config;
      return config.ice_servers ?? [];
    }).finally(() => {
      iceLoading = null;
    });
    return iceLoading;
  }

  /** For a new peer or an ICE restart: what we have, while fresher credentials are fetched when they expire. */
  function iceServers() {
    if (!iceIsFresh()) {
      loadIceServers().catch(() => {});
    }
    return iceConfig?.ice_servers ?? [];
  }

  // ---- peers ----

  function peerOf(userId) {
    let peer = call.peers.get(userId);
    if (!peer && call.callId && userId !== me()) {
      const callId = call.callId;
      peer = new Peer({
        PeerConnection, MediaStream, iceServers, setTimer, clearTimer,
        polite: me().toLowerCase() < userId.toLowerCase(),
        tracks: () => ({ audio: local.state.audioTrack, video: local.state.camera ? local.state.videoTrack : null }),
        signal: (type, fields) => signals.push({ type, target_user_id: userId, session_id: callId, ...fields }, callId),
        onChange,
        onTrack: (stream) => levels.watch(userId, stream),
        onError: (error) => console.warn(`call with ${userId}:`, error),
      });
      call.peers.set(userId, peer);
    }
    return peer;
  }

  function closePeer(userId) {
    const peer = call.peers.get(userId);
    if (peer) {
      peer.close();
      levels.forget(userId);
      call.peers.delete(userId);
    }
  }

  function closePeers() {
    for (const userId of [...call.peers.keys()]) {
      closePeer(userId);
    }
  }

  async function refreshDevices() {
    await local.refreshDevices();
    onChange();
  }

  media?.addEventListener?.('devicechange', () => {
    if (active()) {
      refreshDevices();
    }
  });

  // ---- joining, leaving, and what the server says ----

  function stopAll() {
    closePeers();
    local.stop();
    levels.close();
    clearTimer(cooldownTimer);
    call.phase = 'idle';
    call.callId = null;
    call.channelId = null;
  }

  function fail(problem, channelId = call.channelId) {
    stopAll();
    call.problem = { ...problem, channelId };
    onChange();
  }

  /** The call ended here (without leave_voice: the server already knows). */
  function ended(text) {
    stopAll();
    signals.drop((frame) => frame.type !== 'leave_voice');
    if (text) {
      onNotice({ text });
    }
    onChange();
  }

  function sendJoin() {
    signals.drop((frame) => frame.type === 'join_voice' || frame.type === 'update_voice_state'
      || frame.type.startsWith('rtc_'));
    call.phase = 'joining';
    announced = { muted: local.state.muted, camera: local.state.camera };
    signals.push({ type: 'join_voice', channel_id: call.channelId, ...announced });
  }

  /** Tells the others about a change of microphone or camera (once in the call: the join carries it before). */
  function announce() {
    if (!inCall()) {
      return;
    }
    const change = {};
    for (const key of ['muted', 'camera']) {
      if (local.state[key] !== announced[key]) {
        change[key] = local.state[key];
      }
    }
    if (Object.keys(change).length > 0) {
      announced = { muted: local.state.muted, camera: local.state.camera };
      signals.push({ type: 'update_voice_state', ...change });
    }
  }

  /** Who is in the call now: a peer for each other participant, none for those who left. */
  function applyState(event) {
    const participants = event.participants ?? [];
    if (!participants.includes(me())) {
      return;
    }
    if (event.session_id !== call.callId) {
      closePeers();
      call.callId = event.session_id;
    }
    participants.filter((userId) => userId !== me()).forEach(peerOf);
    [...call.peers.keys()].filter((userId) => !participants.includes(userId)).forEach(closePeer);
    signals.drain();
  }

  function leftVoice(event) {
    if (event.user_id !== me()) {
      closePeer(event.user_id);
    } else if (call.phase === 'joining') {
      // Our own join moved us from an older place (another call, or this one from an older session).
    } else if (event.reason === 'disconnected') {
      // Away longer than the server's grace: come back in as soon as the socket allows.
      closePeers();
      sendJoin();
    } else {
      ended(LEFT_TEXT[event.reason] ?? 'You left the call.');
    }
  }

  function callError(event) {
    if (event.code === 'voice_cooldown' && call.phase === 'joining') {
      const wait = Number(/(\d+) ms/.exec(event.message ?? '')?.[1] ?? 2000);
      clearTimer(cooldownTimer);
      cooldownTimer = setTimer(() => {
        if (call.phase === 'joining') {
          sendJoin();
        }
      }, wait + 100);
    } else if (event.code !== 'not_in_call' && (call.phase === 'joining' || call.phase === 'starting')) {
      // (not_in_call: a signal that crossed a leave, or a hang-up the server had already seen.)
      signals.drop();
      fail({ kind: event.code, text: event.message ?? 'Could not join the call.' });
    }
  }

  function signal(event) {
    const peer = inCall() && event.session_id === call.callId ? peerOf(event.from_user_id) : null;
    if (peer && event.type === 'rtc_ice_candidate') {
      peer.candidate(event.candidate);
    } else if (peer) {
      peer.description(event.type === 'rtc_offer' ? 'offer' : 'answer', event.sdp);
    }
  }

  return {
    /** The call (phase, channel, peers, problem) and the user's media (muted, camera, preview, devices). */
    state: call,

    /** Whether the user is in (or on the way into) the call of this channel. */
    isIn(channelId) {
      return active() && call.channelId === channelId;
    },

    isSpeaking(userId) {
      return userId === me() ? !local.state.muted && levels.isSpeaking('me') : levels.isSpeaking(userId);
    },

    /**
     * Joins a voice channel's call: microphone first (the browser asks once), then the ICE servers, then
     * `join_voice`. `listenOnly` joins without a microphone (muted), for someone who has none or refused it.
     */
    async join(channelId, { listenOnly = false } = {}) {
      if (this.isIn(channelId)) {
        return;
      }
      if (active()) {
        // The server moves us (reason "moved"); here the old peers go and the microphone stays.
        closePeers();
        call.callId = null;
      }
      Object.assign(call, { problem: null, channelId, phase: 'starting' });
      onChange();
      if (!secure || !PeerConnection || !media?.getUserMedia) {
        fail(secure ? { kind: 'unsupported', text: UNSUPPORTED_TEXT } : { kind: 'insecure', text: INSECURE_TEXT },
          channelId);
        return;
      }
      try {
        if (listenOnly && !local.state.audioTrack) {
          local.setMuted(true);
        } else if (!local.state.audioTrack) {
          local.setMuted(false);
          await local.openMicrophone();
        }
      } catch (error) {
        fail(mediaProblem(error, 'microphone'), channelId);
        return;
      }
      try {
        await loadIceServers();
      } catch (error) {
        fail({ kind: 'failed', text: `Could not prepare the call: ${error.message}` }, channelId);
        return;
      }
      if (call.phase === 'starting' && call.channelId === channelId) {
        sendJoin();
        onChange();
        refreshDevices();
      }
    },

    /** Hangs up. Always works: the frame waits for the socket if it is away. */
    leave() {
      if (active()) {
        signals.drop();
        signals.push({ type: 'leave_voice' });
        ended(null);
      }
    },

    dismissProblem() {
      call.problem = null;
      onChange();
    },

    async toggleMute() {
      if (!active()) {
        return;
      }
      if (local.state.audioTrack) {
        local.setMuted(!local.state.muted);
      } else {
        // Joined to listen only: unmuting asks for the microphone now.
        try {
          local.setMuted(false);
          await local.openMicrophone();
          refreshDevices();
        } catch (error) {
          local.setMuted(true);
          onNotice({ text: mediaProblem(error, 'microphone').text, kind: 'error' });
        }
      }
      announce();
      onChange();
    },

    async toggleCamera() {
      if (!active()) {
        return;
      }
      if (local.state.camera) {
        local.cameraOff();
      } else {
        try {
          await local.cameraOn(active);
          refreshDevices();
        } catch (error) {
          onNotice({ text: mediaProblem(error, 'camera').text, kind: 'error' });
          return;
        }
      }
      announce();
      onChange();
    },

    /** A microphone, camera or speaker chosen from the lists; remembered for the next calls. */
    async chooseDevice(kind, deviceId) {
      try {
        await local.choose(kind, deviceId);
      } catch (error) {
        onNotice({ text: mediaProblem(error, kind === 'videoinput' ? 'camera' : 'microphone').text, kind: 'error' });
      }
      onChange();
    },

    refreshDevices,

    /**
     * One event from the socket. Returns true when it was the call's alone (signaling, and errors answering
     * call frames), so the chat does not show it too.
     */
    receive(event) {
      const mine = event.channel_id === call.channelId;
      switch (event.type) {
        case 'voice_state_update':
          if (mine && inCall()) {
            applyState(event);
            onChange();
          }
          return false;
        case 'user_joined_voice':
          if (mine && event.user_id === me() && call.phase === 'joining') {
            // The server's word that we are in: its voice_state_update, right after, says whom to call.
            call.phase = 'in-call';
            call.joinedAt = now();
            announce();
            onChange();
          }
          return false;
        case 'user_left_voice':
          if (mine && active()) {
            leftVoice(event);
            onChange();
          }
          return false;
        case 'rtc_offer':
        case 'rtc_answer':
        case 'rtc_ice_candidate':
          signal(event);
          return true;
        case 'error':
          if (CALL_ERRORS.has(event.code) || (!event.client_id && JOIN_ERRORS.has(event.code)
            && call.phase === 'joining')) {
            callError(event);
            return true;
          }
          return false;
        default:
          return false;
      }
    },

    /** The socket's state. A resumed session is still in the call; a new one must join again. */
    connection({ status, resumed }) {
      const online = status === 'online';
      if (online && !resumed && active() && call.phase !== 'starting') {
        closePeers();
        sendJoin();
      } else if (online && call.phase === 'reconnecting') {
        call.phase = 'in-call';
      } else if (!online && call.phase === 'in-call') {
        call.phase = 'reconnecting';
      }
      signals.setOnline(online);
      onChange();
    },

    /** Signed out or closing: everything stops (the server ends the place with the session). */
    stop() {
      ended(null);
      signals.clear();
    },
  };
}
