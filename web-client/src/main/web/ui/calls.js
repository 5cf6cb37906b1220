// The docked call panel: the people in the call as tiles that fill the space they have, their names, who
// is muted and who speaks, and the controls (mute, camera, devices, leave). It sits above the channel being
// read, large when that is the call's own channel and as a strip otherwise, so the call goes on while the
// user reads and writes elsewhere. Media elements are made here once per stream and moved, never re-made,
// so a redraw never interrupts sound or picture. Loaded with the call controller on first use.

import { html, svg, nothing } from 'lit-html';
import { avatar } from './common.js';
import { fitTiles } from '../core/call-media.js';

const ICONS = {
  mic: svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21"/>`,
  micOff: svg`<rect x="9" y="3" width="6" height="11" rx="3"/>
    <path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21M4 4l16 16"/>`,
  camera: svg`<rect x="3" y="7" width="12" height="10" rx="2"/><path d="m15 11 6-3v8l-6-3"/>`,
  cameraOff: svg`<rect x="3" y="7" width="12" height="10" rx="2"/><path d="m15 11 6-3v8l-6-3M3 4l17 17"/>`,
  sliders: svg`<path d="M4 7h10M18 7h2M4 17h4M12 17h8"/><circle cx="16" cy="7" r="2"/><circle cx="10" cy="17" r="2"/>`,
  hangUp: svg`<path d="M3 14.5c5-4.7 13-4.7 18 0l-2.4 2.6-3.4-1.6v-2.6a11 11 0 0 0-6.4 0v2.6l-3.4 1.6z"/>`,
  speaker: svg`<path d="M5 10v4h3l5 4V6L8 10z"/><path d="M16.5 9.5a3.5 3.5 0 0 1 0 5"/>`,
};

function icon(name) {
  return html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS[name]}</svg>`;
}

/** Whether this browser lets a page choose the speaker (`setSinkId`). */
const canChooseSpeaker = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

/**
 * The panel for one call controller.
 * @param {any} controller from core/call.js
 */
export function createCallView(controller) {
  /** @type {Map<string, HTMLVideoElement>} one element per person, kept across redraws */
  const elements = new Map();
  let devicesOpen = false;
  let observed = null;
  let lastFit = '';
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => fit()) : null;

  /** The element that plays a stream (sound and picture); the local preview is silent and mirrored. */
  function mediaElement(key, stream, { local = false } = {}) {
    let element = elements.get(key);
    if (!element) {
      element = document.createElement('video');
      element.playsInline = true;
      element.autoplay = true;
      element.muted = local;
      element.setAttribute('aria-hidden', 'true');
      if (local) {
        element.className = 'mirrored';
      }
      elements.set(key, element);
    }
    if (element.srcObject !== stream) {
      element.srcObject = stream;
      element.play?.().catch(() => { /* plays once the page has been interacted with */ });
    }
    const sink = controller.state.chosen.audiooutput ?? '';
    if (!local && canChooseSpeaker && element.sinkId !== sink) {
      element.setSinkId(sink).catch(() => {});
    }
    return element;
  }

  function forgetElements(keep) {
    for (const [key, element] of elements) {
      if (!keep.has(key)) {
        element.srcObject = null;
        element.remove();
        elements.delete(key);
      }
    }
  }

  /** Sizes the tiles to the space the strip or stage has now (CSS variables: no style attribute). */
  function fit() {
    const box = observed;
    if (!box || !box.isConnected) {
      return;
    }
    const count = box.children.length;
    const result = fitTiles(count, box.clientWidth, box.clientHeight);
    const key = `${result.cols}/${result.width}/${result.height}`;
    if (key !== lastFit) {
      lastFit = key;
      box.style.setProperty('--cols', String(result.cols));
      box.style.setProperty('--tile-width', `${result.width}px`);
      box.style.setProperty('--tile-height', `${result.height}px`);
    }
  }

  function tile(app, userId, { isMe, muted, cameraOn, stream, connection }) {
    const user = app.store.state.users.get(userId) ?? { id: userId };
    const name = user.display_name || user.username || 'Someone';
    const speaking = controller.isSpeaking(userId) && !muted;
    const element = stream ? mediaElement(userId, stream, { local: isMe }) : null;
    const state = isMe ? 'connected' : connection;
    return html`<li class="tile" data-user-id=${userId} data-connection=${state} data-speaking=${speaking}
      data-camera=${cameraOn}>
      <div class="tile-video">${element ?? nothing}</div>
      ${cameraOn ? nothing : html`<div class="tile-avatar">${avatar(user)}</div>`}
      <p class="tile-name">${muted ? html`<span class="tile-muted">${icon('micOff')}</span>` : nothing}
        <span>${name}${isMe ? ' (you)' : ''}</span><span class="sr-only">${muted ? ', muted' : ''}${
          cameraOn ? '' : ', camera off'}${state === 'connected' ? '' : ', connecting'}</span></p>
      ${state === 'connected' ? nothing : html`<p class="tile-state" aria-hidden="true">${
        state === 'failed' || state === 'disconnected' ? 'Reconnecting…' : 'Connecting…'}</p>`}
    </li>`;
  }

  function tiles(app) {
    const state = controller.state;
    const me = app.store.state.me.id;
    const call = app.store.voiceIn(state.channelId);
    const others = (call?.participants ?? []).filter((id) => id !== me);
    const keep = new Set([me, ...others]);
    forgetElements(keep);
    return [tile(app, me, { isMe: true, muted: state.muted, cameraOn: state.camera, stream: state.preview,
      connection: 'connected' }),
    ...others.map((userId) => {
      const peer = state.peers.get(userId);
      return tile(app, userId, { isMe: false, muted: call.muted.includes(userId),
        cameraOn: call.camera.includes(userId), stream: peer?.stream ?? null, connection: peer?.state ?? 'new' });
    })];
  }

  function statusText(app) {
    const state = controller.state;
    const count = app.store.voiceIn(state.channelId)?.participants.length ?? 0;
    switch (state.phase) {
      case 'starting':
        return 'Starting your microphone…';
      case 'joining':
        return 'Joining…';
      case 'reconnecting':
        return 'Connection lost: reconnecting…';
      default:
        return count <= 1 ? 'You are the only one here' : `${count} people in the call`;
    }
  }

  function devices(app) {
    const state = controller.state;
    const select = (kind, label, list) => html`<label class="field"><span class="label">${label}</span>
      <select @change=${(event) => controller.chooseDevice(kind, event.target.value)}>
        <option value="" ?selected=${!state.chosen[kind]}>Default</option>
        ${list.map((device) => html`<option value=${device.id} ?selected=${state.chosen[kind] === device.id}>${
          device.label}</option>`)}
      </select></label>`;
    return html`<div class="call-devices" id="call-devices" role="group" aria-label="Devices">
      ${select('audioinput', 'Microphone', state.devices.audioinput)}
      ${select('videoinput', 'Camera', state.devices.videoinput)}
      ${canChooseSpeaker ? select('audiooutput', 'Speaker', state.devices.audiooutput)
        : html`<p class="hint">This browser plays calls on the system's speaker; change it in the system's
          sound settings.</p>`}
    </div>`;
  }

  function problemPanel(app, problem) {
    const channel = app.store.state.channels.get(problem.channelId);
    const aboutMicrophone = ['denied', 'no-device', 'busy'].includes(problem.kind);
    return html`<section class="call-dock problem" aria-label="Call">
      <p class="alert" role="alert">${problem.text}</p>
      <div class="call-actions">
        ${channel ? html`<button class="button" type="button" @click=${() => controller.join(channel.id)}>
          Try again</button>` : nothing}
        ${channel && aboutMicrophone ? html`<button class="button" type="button"
          @click=${() => controller.join(channel.id, { listenOnly: true })}>Join without microphone</button>`
          : nothing}
        <button class="button quiet" type="button" @click=${() => controller.dismissProblem()}>Dismiss</button>
      </div>
    </section>`;
  }

  return {
    /** The panel, or nothing when there is no call and nothing to say about one. */
    panel(app) {
      const state = controller.state;
      if (state.phase === 'idle') {
        forgetElements(new Set());
        devicesOpen = false;
        return state.problem ? problemPanel(app, state.problem) : nothing;
      }
      const channel = app.store.state.channels.get(state.channelId);
      const title = channel ? app.channelTitle(channel) : 'Call';
      // Large on the call's own channel; a strip above any other channel, the guides and the settings.
      const here = app.ui.channelId === state.channelId && !['help', 'settings'].includes(app.ui.route?.name);
      const camera = state.camera;
      return html`<section class="call-dock ${here ? 'stage' : 'strip'}" aria-labelledby="call-title">
        <div class="call-head">
          <h2 id="call-title">${icon('speaker')}<span class="sr-only">Call in </span>${here ? title
            : html`<a href=${`/c/${state.channelId}`} @click=${(event) => app.follow(event, `/c/${state.channelId}`)}
              title="Open the call's channel">${title}</a>`}</h2>
          <p class="call-status" role="status">${statusText(app)}</p>
        </div>
        <ul class="call-tiles" aria-label="People in the call">${tiles(app)}</ul>
        <div class="call-controls" role="group" aria-label="Call controls">
          <button class="call-button" type="button" aria-pressed=${state.muted ? 'true' : 'false'}
            aria-label="Mute microphone" title=${state.muted ? 'Unmute' : 'Mute'}
            @click=${() => controller.toggleMute()}>${icon(state.muted ? 'micOff' : 'mic')}
            <span class="call-label" aria-hidden="true">Mute</span></button>
          <button class="call-button" type="button" aria-pressed=${camera ? 'true' : 'false'} aria-label="Camera"
            title=${camera ? 'Turn the camera off' : 'Turn the camera on'}
            @click=${() => controller.toggleCamera()}>${icon(camera ? 'camera' : 'cameraOff')}
            <span class="call-label" aria-hidden="true">Camera</span></button>
          <button class="call-button" type="button" aria-expanded=${devicesOpen ? 'true' : 'false'}
            aria-controls="call-devices" aria-label="Devices" title="Microphone, camera and speaker"
            @click=${() => {
              devicesOpen = !devicesOpen;
              if (devicesOpen) {
                controller.refreshDevices();
              }
              app.redraw();
            }}>${icon('sliders')}<span class="call-label" aria-hidden="true">Devices</span></button>
          <button class="call-button leave" type="button" aria-label="Leave call" title="Leave the call"
            @click=${() => controller.leave()}>${icon('hangUp')}
            <span class="call-label" aria-hidden="true">Leave</span></button>
        </div>
        ${devicesOpen ? devices(app) : nothing}
      </section>`;
    },

    /** After each draw: watch the tiles' box and fit the tiles to it. */
    afterDraw(root) {
      const box = root.querySelector('.call-tiles');
      if (box !== observed) {
        if (observed && resize) {
          resize.unobserve(observed);
        }
        observed = box;
        lastFit = '';
        if (box && resize) {
          resize.observe(box);
        }
      }
      fit();
      // A page without the panel (loading a guide) took the media elements out of the document, which
      // paused them: they play again as soon as they are back.
      for (const element of elements.values()) {
        if (element.isConnected && element.paused && element.srcObject) {
          element.play?.().catch(() => {});
        }
      }
    },
  };
}

/** Adds the panel's stylesheet to the page; resolves once it applies (so the panel never shows unstyled). */
export function loadStyles() {
  const href = new URL('./calls.css', import.meta.url).href;
  if (document.querySelector(`link[href="${href}"]`)) {
    return Promise.resolve();
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve) => {
    link.onload = resolve;
    link.onerror = resolve;
  });
  document.head.append(link);
  return loaded;
}
