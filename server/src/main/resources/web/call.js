// The call page: sign in, pick a voice channel, join its call, and keep one peer connection per other
// participant. Everything the test (and a curious person) needs to see is in the DOM: the status line's
// data-state, each remote tile's data-connection-state and data-bytes-received, and the event log.
import { RealtimeSocket } from './call-socket.js';
import { Peer } from './call-peer.js';

const $ = (id) => document.getElementById(id);
const app = {
  auth: null, tokenTime: 0, me: null, iceServers: [], socket: null,
  channelId: null, callId: null, inCall: false, localStream: null, peers: new Map(), names: new Map(),
};

async function api(method, path, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (app.auth) {
    headers.Authorization = 'Bearer ' + await accessToken();
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    throw new Error(data && data.error ? data.error.message : response.statusText);
  }
  return data;
}

/** The access token, refreshed a minute before it expires (a resume needs a valid one). */
async function accessToken() {
  if (Date.now() > app.tokenTime + (app.auth.expires_in - 60) * 1000) {
    const response = await fetch('/api/auth/refresh', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh_token: app.auth.refresh_token }),
    });
    if (response.ok) {
      app.auth = await response.json();
      app.tokenTime = Date.now();
    }
  }
  return app.auth.access_token;
}

function setStatus(state, text) {
  $('status').dataset.state = state;
  $('status').textContent = text;
}

function logEvent(type, userId, text) {
  const item = document.createElement('li');
  item.dataset.event = type;
  if (userId) {
    item.dataset.userId = userId;
  }
  item.textContent = new Date().toLocaleTimeString() + ' ' + text;
  $('events').append(item);
}

const nameOf = (userId) => app.names.get(userId) || userId.slice(0, 8);

async function signIn(event) {
  event.preventDefault();
  try {
    setStatus('signing-in', 'Signing in…');
    app.auth = await api('POST', '/api/auth/login', { username: $('username').value, password: $('password').value });
    app.tokenTime = Date.now();
    app.me = app.auth.user.id;
    app.iceServers = (await api('GET', '/api/calls/ice')).ice_servers;
    const voice = (await api('GET', '/api/channels')).filter((channel) => channel.kind === 'voice');
    $('channel').replaceChildren(...voice.map((channel) => new Option(channel.name, channel.id)));
    app.socket = new RealtimeSocket(accessToken, onEvent, onSocketStatus);
    await app.socket.open();
    $('login').hidden = true;
    $('pick').hidden = false;
    setStatus('ready', 'Signed in as ' + app.auth.user.username + (voice.length ? '.' : ': no voice channels yet.'));
  } catch (e) {
    setStatus('error', 'Sign-in failed: ' + e.message);
  }
}

async function join(event) {
  event.preventDefault();
  try {
    app.channelId = $('channel').value;
    setStatus('joining', 'Joining…');
    if (!app.localStream) {
      app.localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      $('local-video').srcObject = app.localStream;
      $('local-tile').hidden = false;
    }
    const members = await api('GET', '/api/channels/' + app.channelId + '/members');
    members.forEach((member) => app.names.set(member.user.id, member.user.username));
    app.socket.send({ type: 'join_voice', channel_id: app.channelId });
  } catch (e) {
    setStatus('error', 'Cannot join: ' + e.message);
  }
}

function leave() {
  app.socket.send({ type: 'leave_voice' });
}

function onEvent(frame) {
  const mine = frame.channel_id === undefined || frame.channel_id === app.channelId;
  switch (frame.type) {
    case 'voice_state_update': return mine && onVoiceState(frame);
    case 'user_joined_voice': return mine && logEvent(frame.type, frame.user_id, nameOf(frame.user_id) + ' joined');
    case 'user_left_voice': return mine && onLeft(frame);
    case 'rtc_offer': return fromCall(frame) && peer(frame.from_user_id).description('offer', frame.sdp);
    case 'rtc_answer': return fromCall(frame) && peer(frame.from_user_id).description('answer', frame.sdp);
    case 'rtc_ice_candidate': return fromCall(frame) && peer(frame.from_user_id).candidate(frame.candidate);
    case 'error': return onError(frame);
    case 'force_logout': return setStatus('signed-out', 'Signed out by the server: ' + frame.reason);
    default: return null;
  }
}

function onSocketStatus(status) {
  logEvent('socket', null, 'connection ' + status);
  if (status === 'lost') {
    endCall('The connection could not be resumed: join again.');
  }
}

function onVoiceState(state) {
  if (!state.participants.includes(app.me)) {
    return;
  }
  app.inCall = true;
  app.callId = state.session_id;
  $('join').disabled = true;
  $('leave').disabled = false;
  setStatus('in-call', 'In the call with ' + (state.participants.length - 1) + ' other(s).');
  state.participants.filter((id) => id !== app.me).forEach((id) => peer(id));
  [...app.peers.keys()].filter((id) => !state.participants.includes(id)).forEach(dropPeer);
}

function onLeft(frame) {
  logEvent(frame.type, frame.user_id, nameOf(frame.user_id) + ' left (' + frame.reason + ')');
  if (frame.user_id === app.me) {
    endCall('You left the call (' + frame.reason + ').');
  } else {
    dropPeer(frame.user_id);
  }
}

function onError(frame) {
  logEvent('error', null, frame.code + ': ' + frame.message);
  if (!app.inCall && ['voice_full', 'voice_cooldown', 'not_found', 'not_member'].includes(frame.code)) {
    setStatus('ready', 'Not joined: ' + frame.message);
  }
}

const fromCall = (frame) => app.inCall && frame.session_id === app.callId;

function peer(userId) {
  let existing = app.peers.get(userId);
  if (!existing) {
    const tile = addTile(userId);
    existing = new Peer({
      myId: app.me, remoteId: userId, iceServers: app.iceServers, localStream: app.localStream,
      signal: (type, fields) => app.socket.send({ type, target_user_id: userId, session_id: app.callId, ...fields }),
      onTrack: (stream) => { tile.querySelector('video').srcObject = stream; },
      onState: (state) => { tile.dataset.connectionState = state; caption(tile); },
    });
    existing.tile = tile;
    app.peers.set(userId, existing);
  }
  return existing;
}

function addTile(userId) {
  const tile = document.createElement('figure');
  tile.className = 'tile remote';
  tile.dataset.userId = userId;
  tile.dataset.connectionState = 'new';
  tile.dataset.bytesReceived = '0';
  const video = document.createElement('video');
  video.autoplay = true;
  video.playsInline = true;
  tile.append(video, document.createElement('figcaption'));
  caption(tile);
  $('tiles').append(tile);
  return tile;
}

function caption(tile) {
  const kib = Math.round(Number(tile.dataset.bytesReceived) / 1024);
  tile.querySelector('figcaption').textContent =
      nameOf(tile.dataset.userId) + ' · ' + tile.dataset.connectionState + ' · ' + kib + ' KiB received';
}

function dropPeer(userId) {
  const gone = app.peers.get(userId);
  if (gone) {
    gone.close();
    gone.tile.remove();
    app.peers.delete(userId);
  }
}

function endCall(text) {
  [...app.peers.keys()].forEach(dropPeer);
  app.inCall = false;
  app.callId = null;
  $('join').disabled = false;
  $('leave').disabled = true;
  setStatus('left', text);
}

async function refreshStats() {
  for (const each of app.peers.values()) {
    each.tile.dataset.bytesReceived = String(await each.bytesReceived());
    caption(each.tile);
  }
}

$('login').addEventListener('submit', signIn);
$('pick').addEventListener('submit', join);
$('leave').addEventListener('click', leave);
setInterval(refreshStats, 500);
