// The client's entry point: builds the core (api, session, store, socket, outbox, drafts), routes between
// the sign-in pages and the chat, and draws the page from the store once per animation frame. Sign-in
// pages and dialogs are separate modules loaded the first time they are needed.

import { render, html } from 'lit-html';
import { createApi } from './core/api.js';
import { createSession } from './core/session.js';
import { createStore, compareIds } from './core/store.js';
import { createRealtime } from './core/socket.js';
import { createOutbox } from './core/outbox.js';
import { createDrafts } from './core/drafts.js';
import { createChat } from './core/chat.js';
import { complete, completions, mentionAt, plainText } from './core/markdown.js';
import { chatView, notices as noticesView, OFFLINE_BANNER_AFTER_MS } from './ui/chat-view.js';
import { ScrollKeeper, EDIT_WINDOW_MS, drawRows, setMentionStyle } from './ui/messages.js';
import { isTyping } from './ui/common.js';
import { placeProfileCard } from './ui/profile-card.js';

const root = document.getElementById('app');
// lit-html adds to what is there: the static "Loading…" of the page goes first.
root.textContent = '';
const THEME_KEY = 'chatalot.theme';
const LAST_CHANNEL_KEY = 'chatalot.last-channel';
const MEMBERS_KEY = 'chatalot.members-open';
const NOTICE_MS = 6_000;

const ui = {
  screen: 'loading',
  route: parseRoute(location.pathname),
  channelId: null,
  unreadAfter: null,
  activeId: null,
  editingId: null,
  replyTo: null,
  /** the `@name` being typed and the people it may name (null when none) */
  mention: null,
  preview: null,
  notFound: false,
  membersOpen: localStorage.getItem(MEMBERS_KEY) !== 'false' && matchMedia('(min-width: 1101px)').matches,
  sidebarOpen: false,
  dialog: null,
  /** the open profile card: { userId, user (as the opener knew them), opener (its data-opener) } or null */
  profile: null,
  notices: [],
  announce: '',
  atBottom: true,
  myStatus: 'online',
  auth: { config: null },
};

let session;
const api = createApi({
  accessToken: () => session.accessToken(),
  refreshAccessToken: () => session.refresh(),
});
session = createSession({
  api,
  locks: navigator.locks ?? null,
  channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel('chatalot-session') : null,
  storage: localStorage,
});
const store = createStore();
const keeper = new ScrollKeeper();
let chat = null;
let realtime = null;
let outbox = null;
let drafts = null;
let dialogs = null;
let searchViews = null;
/** ui/notify.js (desktop notifications, the icon's badge), loaded when first needed. */
let notifier = null;
let badgeShown = false;
let authViews = null;
let helpViews = null;
let settingsViews = null;
/** The call controller and its panel ({controller, view}), loaded when the user first joins a call. */
let calls = null;
let callsLoading = null;
let noticeId = 0;

applyTheme(localStorage.getItem(THEME_KEY) ?? 'system');

// ---- drawing ----

let frame = 0;
function redraw() {
  if (frame === 0) {
    frame = requestAnimationFrame(draw);
  }
}

function draw() {
  frame = 0;
  const channelId = ui.screen === 'chat' ? ui.channelId : null;
  keeper.before(channelId);
  render(view(), root);
  const line = channelId ? store.state.timelines.get(channelId) : null;
  const list = line ? root.querySelector('.messages') : null;
  if (list) {
    drawRows(list, app.messageContext(store.state.channels.get(channelId)));
  }
  keeper.after(channelId, Boolean(line && line.loaded));
  afterDraw();
  document.title = title();
  const count = attention();
  if (count > 0 || badgeShown) {
    badgeShown = count > 0;
    notify().then((module) => module.setIconBadge(count));
  }
}

function notify() {
  notifier = notifier ?? import('./ui/notify.js');
  return notifier;
}

/** What the tab's icon counts: mentions of the user, and unread messages in DMs they did not mute. */
function attention() {
  let total = store.totalMentions();
  for (const [channelId, channel] of store.state.channels) {
    if (channel.kind === 'dm' && store.notifyLevelOf(channelId) !== 'nothing') {
      total += store.unreadOf(channelId).count;
    }
  }
  return total;
}

function view() {
  if (ui.route.name === 'help') {
    return helpViews ? html`${app.callPanel()}${helpViews.helpView(app, ui.route.doc)}`
      : html`<p class="boot" role="status">Loading…</p>`;
  }
  if (ui.route.name === 'settings' && ui.screen === 'chat') {
    return settingsViews ? html`${app.callPanel()}${settingsViews.settingsView(app)}${noticesView(app)}`
      : html`<p class="boot" role="status">Loading…</p>`;
  }
  switch (ui.screen) {
    case 'auth':
      return authViews ? authViews.authView(app) : html`<p class="boot" role="status">Loading…</p>`;
    case 'chat':
      return html`${chatView(app)}${ui.dialog && dialogs ? dialogs.dialogView(app) : ''}`;
    default:
      return html`<p class="boot" role="status">${ui.bootError ?? 'Loading Chatalot…'}</p>`;
  }
}

/** Work that needs the drawn page: open a dialog, keep focus, move the read cursor, fetch more. */
function afterDraw() {
  const dialog = root.querySelector('dialog');
  if (dialog && !dialog.open) {
    dialog.showModal();
    dialog.querySelector('[autofocus]')?.focus();
  }
  const card = ui.profile ? root.querySelector('.profile-card') : null;
  if (card) {
    placeProfileCard(card, profileOpener());
  }
  if (ui.afterDraw) {
    const task = ui.afterDraw;
    ui.afterDraw = null;
    task();
  }
  if (ui.focusAfterDraw) {
    const target = root.querySelector(ui.focusAfterDraw);
    ui.focusAfterDraw = null;
    target?.focus();
  }
  calls?.view.afterDraw(root);
  if (ui.screen === 'chat' && ui.channelId) {
    markVisibleRead();
    const line = store.state.timelines.get(ui.channelId);
    if (line && line.loaded && !line.loading) {
      const list = keeper.element();
      // A short first page does not fill the view: no scroll will ever ask for more, so ask now.
      if (list && line.hasOlder && list.scrollHeight <= list.clientHeight + 8) {
        chat.loadOlder(ui.channelId);
      }
    }
  }
}

function title() {
  const total = store.totalUnread();
  const channel = ui.channelId ? store.state.channels.get(ui.channelId) : null;
  const where = ui.screen === 'chat' && channel ? `${app.channelTitle(channel)} · ` : '';
  return `${total > 0 ? `(${total}) ` : ''}${where}Chatalot`;
}

store.subscribe(redraw);

// `@name` in a message is marked when it names a known user, strongly when it names the reader.
setMentionStyle((name) => {
  const me = store.state.me;
  if (name === 'channel' || (me && me.username.toLowerCase() === name)) {
    return 'me';
  }
  for (const user of store.state.users.values()) {
    if (user.username?.toLowerCase() === name) {
      return 'other';
    }
  }
  return null;
});

// ---- routing ----

function parseRoute(path) {
  if (path === '/settings') {
    return { name: 'settings' };
  }
  if (path === '/help' || path.startsWith('/help/')) {
    return { name: 'help', doc: decodeURIComponent(path.slice('/help/'.length)) || 'user-guide' };
  }
  if (path.startsWith('/c/')) {
    return { name: 'channel', channelId: decodeURIComponent(path.slice(3).split('/')[0]) };
  }
  if (path.startsWith('/invite/')) {
    return { name: 'invite', code: decodeURIComponent(path.slice(8).split('/')[0]) };
  }
  const named = { '/': 'home', '/sign-in': 'sign-in', '/register': 'register', '/recover': 'recover',
    '/setup': 'setup' };
  return { name: named[path] ?? 'not-found' };
}

function navigate(path, { replace = false } = {}) {
  if (location.pathname !== path) {
    history[replace ? 'replaceState' : 'pushState'](null, '', path);
  }
  ui.route = parseRoute(path);
  routeChanged();
}

addEventListener('popstate', () => {
  ui.route = parseRoute(location.pathname);
  routeChanged();
});

function routeChanged() {
  ui.profile = null;
  if (ui.route.name === 'help') {
    loadHelp();
    redraw();
    return;
  }
  if (ui.route.name === 'settings' && ui.screen === 'chat') {
    loadSettings();
    return;
  }
  if (ui.screen === 'chat') {
    showRouteInChat();
  } else if (ui.screen === 'auth') {
    authViews?.routeChanged(app);
  }
  redraw();
}

function showRouteInChat() {
  const route = ui.route;
  ui.notFound = false;
  if (route.name === 'help') {
    return;
  }
  if (route.name === 'settings') {
    loadSettings();
    return;
  }
  if (route.name === 'channel') {
    openChannel(route.channelId);
    return;
  }
  if (route.name === 'home' || route.name === 'sign-in' || route.name === 'register' || route.name === 'setup'
    || route.name === 'invite' || route.name === 'recover') {
    const last = localStorage.getItem(LAST_CHANNEL_KEY);
    const target = last && store.state.channels.has(last) ? last : store.sidebar().channels[0]?.id;
    if (target) {
      navigate(`/c/${target}`, { replace: true });
      return;
    }
    leaveChannel();
    return;
  }
  leaveChannel();
  ui.notFound = true;
}

async function loadSettings() {
  settingsViews = settingsViews ?? await import('./ui/settings-view.js');
  settingsViews.reset();
  scrollTo(0, 0);
  redraw();
}

async function loadHelp() {
  helpViews = helpViews ?? await import('./ui/help-view.js');
  scrollTo(0, 0);
  redraw();
}

// ---- signing in and out ----

async function boot() {
  if (ui.route.name === 'help') {
    loadHelp();
  }
  try {
    if (await session.restore()) {
      await startChat();
      return;
    }
  } catch (error) {
    // The server could not be reached: show the sign-in page, which says so and lets the user retry.
    ui.auth.error = error;
  }
  await showAuth();
}

async function showAuth() {
  // Signed in, the page never needs the sign-in configuration; signed out, it is fetched here.
  const config = ui.auth.config ? null : api.get('/api/auth/config', { auth: false }).then((loaded) => {
    ui.auth.config = loaded;
  }, (error) => {
    ui.auth.error = error;
  });
  authViews = authViews ?? await import('./ui/auth-view.js');
  await config;
  ui.screen = 'auth';
  authViews.routeChanged(app);
  redraw();
}

session.onChange((state) => {
  if (state.signedIn && ui.screen !== 'chat' && !ui.holdAuthScreen) {
    startChat();
  } else if (!state.signedIn && ui.screen === 'chat') {
    stopChat(state.reason);
  }
});

async function startChat() {
  const user = session.user;
  if (!user || user.pending) {
    return;
  }
  ui.screen = 'chat';
  ui.route = parseRoute(location.pathname);
  store.setMe(user);
  drafts = createDrafts({ storage: localStorage, userId: user.id });
  outbox = createOutbox({ send: (frame) => realtime?.send(frame) ?? false, storage: sessionStorage,
    key: `chatalot.outbox.${user.id}` });
  realtime = createRealtime({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
    WebSocket,
    accessToken: () => session.accessToken(),
    refreshAccessToken: () => session.refresh(),
    onEvent: received,
    onState: connectionChanged,
  });
  chat = createChat({ api, store, realtime, outbox, viewing, onNotice: notice });
  realtime.start();
  redraw();
  // The channel the page will show is fetched beside the sidebar, not after it.
  const first = ui.route.name === 'channel' ? ui.route.channelId
    : ui.route.name === 'home' ? localStorage.getItem(LAST_CHANNEL_KEY) : null;
  if (first) {
    chat.prefetch(first);
  }
  try {
    await chat.start();
  } catch (error) {
    notice({ text: `Could not load your channels: ${error.message}`, kind: 'error' });
  }
  showRouteInChat();
  redraw();
}

function stopChat(reason) {
  calls?.controller.stop();
  realtime?.stop('signed-out');
  if (reason === 'signed-out') {
    outbox?.clear();
  }
  realtime = null;
  chat = null;
  store.reset();
  ui.channelId = null;
  ui.dialog = null;
  ui.auth.signedOutReason = reason;
  const nextPath = ui.route.name === 'invite' ? location.pathname : '/sign-in';
  history.replaceState(null, '', nextPath);
  ui.route = parseRoute(nextPath);
  showAuth();
}

const SIGN_OUT_REASONS = {
  suspended: 'Your account was suspended.',
  deleted: 'Your account was deleted.',
  password_changed: 'Your password was changed. Sign in again.',
  password_recovered: 'Your password was reset with the recovery code. Sign in again.',
  refresh_reuse: 'You were signed out for safety: your session was used from two places at once.',
  revoked_by_user: 'This device was signed out from another session.',
  logout_others: 'This device was signed out from another session.',
  logout_all: 'You signed out everywhere.',
};

function received(event) {
  if (event.type === 'force_logout') {
    session.ended(SIGN_OUT_REASONS[event.reason] ?? 'You were signed out.');
    return;
  }
  if (calls?.controller.receive(event)) {
    return;
  }
  if (event.type === 'voice_state_update') {
    learnUsers(event.participants ?? []);
  }
  if (event.type === 'user_updated' && event.user?.id === store.state.me?.id) {
    // Changed in another browser: this one's signed-in user follows (the store updates what it shows).
    session.updateUser({ display_name: event.user.display_name });
  }
  if (event.type === 'new_message' && event.message.channel_id === ui.channelId
    && event.message.sender?.id !== store.state.me?.id) {
    const who = event.message.sender?.display_name || event.message.sender?.username || 'Someone';
    ui.announce = `${who}: ${plainText(event.message.content, 200)}`;
  }
  chat.receive(event);
  if (event.type === 'new_message' && document.visibilityState === 'hidden') {
    const channelId = event.message.channel_id;
    const channel = store.state.channels.get(channelId);
    // A channel not in the sidebar yet is a DM someone just started, or one we were just added to: tell.
    notify().then((module) => module.notifyOf(event.message, { meId: store.state.me?.id,
      level: channel ? store.notifyLevelOf(channelId) : 'all',
      where: channel && channel.kind !== 'dm' ? app.channelTitle(channel) : null, open: showMessage }));
  }
}

/** People in a call the page has not met yet (the sidebar names them). */
const usersAsked = new Set();
function learnUsers(ids) {
  for (const id of ids) {
    if (!store.state.users.has(id) && !usersAsked.has(id)) {
      usersAsked.add(id);
      api.get(`/api/users/${encodeURIComponent(id)}`).then((user) => store.rememberUsers([user]), () => {})
        .finally(() => usersAsked.delete(id));
    }
  }
}

/** The call code and its panel's styles, fetched once, the first time a call is joined. */
function loadCalls() {
  callsLoading = callsLoading ?? Promise.all([import('./core/call.js'), import('./ui/calls.js')])
    .then(async ([core, views]) => {
      await views.loadStyles();
      const controller = core.createCallController({ send: (frame) => realtime?.send(frame) ?? false, api, store,
        storage: localStorage, online: realtime?.status === 'online', onChange: redraw, onNotice: notice });
      calls = { controller, view: views.createCallView(controller) };
      return calls;
    }, (error) => {
      callsLoading = null;
      throw error;
    });
  return callsLoading;
}

// Closing the tab hangs up at once (otherwise the others see a frozen picture for the server's grace).
addEventListener('pagehide', () => calls?.controller.leave());

let bannerTimer = null;
function connectionChanged(state) {
  store.setConnection(state);
  calls?.controller.connection(state);
  clearTimeout(bannerTimer);
  if (state.status === 'online') {
    chat?.connected(state);
    if (ui.myStatus !== 'online') {
      chat?.setPresence(ui.myStatus);
    }
  } else if (state.status === 'offline' || state.status === 'connecting') {
    chat?.disconnected();
  }
  if (state.status === 'stopped') {
    if (state.reason === 'signed-out' && session.isSignedIn) {
      session.ended('You were signed out.');
    }
  } else if (state.status !== 'online') {
    bannerTimer = setTimeout(redraw, OFFLINE_BANNER_AFTER_MS + 50);
  }
}

addEventListener('online', () => realtime?.nudge());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') {
    realtime?.nudge();
    redraw();
  }
});
addEventListener('focus', () => redraw());

// ---- channels ----

function viewing(channelId) {
  const line = store.state.timelines.get(channelId);
  return channelId === ui.channelId && document.visibilityState === 'visible' && document.hasFocus()
    && keeper.atBottom && Boolean(line) && !line.hasNewer;
}

function openChannel(channelId) {
  const channel = store.state.channels.get(channelId);
  if (!channel) {
    previewChannel(channelId);
    return;
  }
  ui.preview = null;
  ui.sidebarOpen = false;
  if (ui.channelId === channelId) {
    return;
  }
  if (ui.channelId) {
    chat.stopTyping(ui.channelId);
  }
  const unread = store.unreadOf(channelId);
  ui.channelId = channelId;
  ui.unreadAfter = unread.count > 0 ? unread.lastReadId ?? '' : null;
  ui.activeId = null;
  ui.editingId = null;
  ui.replyTo = null;
  ui.announce = '';
  localStorage.setItem(LAST_CHANNEL_KEY, channelId);
  chat.open(channelId).then(redraw);
  ui.focusAfterDraw = matchMedia('(pointer: fine)').matches ? '.composer textarea' : null;
  redraw();
}

function leaveChannel() {
  if (ui.channelId) {
    chat?.stopTyping(ui.channelId);
  }
  ui.channelId = null;
  ui.preview = null;
  chat?.close();
}

/** A link to a channel the user is not in: show it with a Join button when it is public. */
async function previewChannel(channelId) {
  leaveChannel();
  try {
    const channel = await api.get(`/api/channels/${encodeURIComponent(channelId)}`);
    if (store.state.channels.has(channel.id)) {
      openChannel(channel.id);
      return;
    }
    ui.preview = channel;
  } catch {
    ui.notFound = true;
  }
  redraw();
}

/** Brings one message into view and focus, loading the history around it when it is not in the page. */
async function showMessage(channelId, messageId) {
  if (ui.channelId !== channelId) {
    navigate(`/c/${channelId}`);
  }
  const found = await chat.openAround(channelId, messageId);
  if (!found) {
    notice({ text: 'That message is no longer there.' });
    return;
  }
  ui.activeId = messageId;
  ui.highlightId = messageId;
  keeper.atBottom = false;
  ui.atBottom = false;
  ui.afterDraw = () => {
    const target = root.querySelector(`article.msg[data-id="${CSS.escape(messageId)}"]`);
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  };
  redraw();
}

function markVisibleRead() {
  if (document.visibilityState !== 'visible' || !document.hasFocus() || !ui.channelId) {
    return;
  }
  const id = keeper.lastVisibleId();
  if (!id) {
    return;
  }
  const unread = store.unreadOf(ui.channelId);
  if (!unread.lastReadId || compareIds(id, unread.lastReadId) > 0) {
    chat.markRead(ui.channelId, id);
  }
}

// ---- files: thumbnails and downloads fetched with the access token (an <img> cannot send it) ----

const FILE_CACHE_MAX = 200;
const FILE_FETCHES_AT_ONCE = 4;
const fileUrls = new Map();
const fileQueue = [];
let fileFetches = 0;

/** A blob: URL of a file's content once fetched; null while it loads (the page is drawn again then). */
function fileUrl(file) {
  const cached = fileUrls.get(file.id);
  if (cached) {
    fileUrls.delete(file.id);
    fileUrls.set(file.id, cached);
    return cached.url;
  }
  fileUrls.set(file.id, { url: null });
  fileQueue.push(file);
  pumpFiles();
  return null;
}

function pumpFiles() {
  while (fileFetches < FILE_FETCHES_AT_ONCE && fileQueue.length) {
    const file = fileQueue.shift();
    fileFetches += 1;
    fetchFile(file).then((blob) => {
      const entry = fileUrls.get(file.id);
      if (entry) {
        entry.url = URL.createObjectURL(blob);
      }
    }, () => {
      fileUrls.delete(file.id);
    }).finally(() => {
      fileFetches -= 1;
      trimFiles();
      pumpFiles();
      redraw();
    });
  }
}

function trimFiles() {
  for (const [id, entry] of fileUrls) {
    if (fileUrls.size <= FILE_CACHE_MAX) {
      return;
    }
    if (entry.url) {
      URL.revokeObjectURL(entry.url);
    }
    fileUrls.delete(id);
  }
}

async function fetchFile(file) {
  const token = await session.accessToken();
  const response = await fetch(`/api/files/${encodeURIComponent(file.id)}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    throw new Error(`the server answered ${response.status}`);
  }
  return response.blob();
}

async function downloadFile(file) {
  try {
    const url = URL.createObjectURL(await fetchFile(file));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    notice({ text: `Could not download ${file.name}: ${error.message}`, kind: 'error' });
  }
}

// ---- uploads (their code is loaded with the first file) ----

let uploads = null;
let uploadsLoading = null;

/** The upload queue, made once (two files dropped before its code arrived must land in the same queue). */
function uploadQueue() {
  uploadsLoading = uploadsLoading ?? import('./core/uploads.js').then(({ createUploads }) => {
    uploads = createUploads({
      xhr: () => new XMLHttpRequest(),
      accessToken: () => session.accessToken(),
      maxBytes: () => (ui.limits?.max_file_bytes ?? null),
      onChange: redraw,
    });
    api.get('/api/files/usage').then((usage) => {
      ui.limits = usage;
    }, () => {});
    return uploads;
  });
  return uploadsLoading;
}

async function attach(files) {
  const list = [...files];
  const channelId = ui.channelId;
  if (list.length === 0 || !channelId) {
    return;
  }
  (await uploadQueue()).add(list, channelId);
  ui.focusAfterDraw = '.composer textarea';
}

// ---- notices ----

function notice({ text, kind = 'info' }) {
  const id = ++noticeId;
  ui.notices = [...ui.notices.slice(-2), { id, text, kind }];
  setTimeout(() => app.dismissNotice(id), NOTICE_MS);
  redraw();
}

// ---- keyboard ----

document.addEventListener('keydown', (event) => {
  if (ui.screen !== 'chat') {
    return;
  }
  const mod = event.ctrlKey || event.metaKey;
  if (mod && !event.altKey && (event.key === 'k' || event.key === 'K')) {
    event.preventDefault();
    app.openDialog('switcher');
  } else if (mod && event.shiftKey && !event.altKey && (event.key === 'f' || event.key === 'F')) {
    event.preventDefault();
    app.openSearch({ channelId: null });
  } else if (mod && event.key === '/') {
    event.preventDefault();
    app.openDialog('shortcuts');
  } else if (event.key === '?' && !mod && !event.altKey && !isTyping(event.target) && !ui.dialog) {
    event.preventDefault();
    app.openDialog('shortcuts');
  } else if (event.altKey && !mod && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
    event.preventDefault();
    stepChannel(event.key === 'ArrowUp' ? -1 : 1, event.shiftKey);
  } else if (event.key === 'Escape' && ui.profile && !ui.dialog) {
    event.preventDefault();
    app.closeProfile();
  } else if (event.key === 'Escape' && !ui.dialog) {
    if (ui.sidebarOpen) {
      ui.sidebarOpen = false;
      redraw();
    } else if (ui.membersOpen && matchMedia('(max-width: 1100px)').matches) {
      app.toggleMembers();
    } else if (ui.replyTo || ui.editingId) {
      ui.replyTo = null;
      ui.editingId = null;
      redraw();
    }
  }
});

// A press outside the open profile card closes it (a press on what opened it is that control's own toggle).
document.addEventListener('pointerdown', (event) => {
  const target = /** @type {Element} */ (event.target);
  if (ui.profile && !target.closest?.('.profile-card') && !profileOpener()?.contains(target)) {
    app.closeProfile();
  }
}, true);

// The card stays beside what opened it while a list scrolls; once that has scrolled out of the list's sight,
// the card closes (it would otherwise point at nothing).
document.addEventListener('scroll', (event) => {
  const card = ui.profile ? root.querySelector('.profile-card') : null;
  const opener = card ? profileOpener() : null;
  if (!opener) {
    return;
  }
  const scroller = event.target instanceof Element ? event.target : document.documentElement;
  if (scroller.contains(opener) && !overlaps(opener.getBoundingClientRect(), scroller.getBoundingClientRect())) {
    app.closeProfile();
  } else {
    placeProfileCard(card, opener);
  }
}, { capture: true, passive: true });

addEventListener('resize', () => {
  const card = ui.profile ? root.querySelector('.profile-card') : null;
  if (card) {
    placeProfileCard(card, profileOpener());
  }
});

/**
 * After something that held focus has closed, and been drawn away, gives focus that went with it (to the page
 * itself) to {@code target()}. Only then: closing a dialog by Escape gives focus back at once, and by the next
 * frame the person may have moved on (Shift+Tab into the messages), which must not be undone.
 */
function returnFocus(target, options) {
  requestAnimationFrame(() => {
    const focused = document.activeElement;
    const element = /** @type {HTMLElement | null} */ (!focused || focused === document.body ? target() : null);
    if (element?.isConnected) {
      element.focus(options);
    }
  });
}

function overlaps(a, b) {
  return a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
}

/**
 * What opened the profile card, found by its `data-opener` key: lists drawn again (the member list re-sorted
 * when someone comes online) may have moved the person to another element.
 */
function profileOpener() {
  return ui.profile ? root.querySelector(`[data-opener="${CSS.escape(ui.profile.opener)}"]`) : null;
}

/** Alt+↑/↓: the previous or next channel in the sidebar; with Shift, the previous or next unread one. */
function stepChannel(direction, unreadOnly) {
  const { channels, dms } = store.sidebar();
  const order = [...channels, ...dms].map((channel) => channel.id);
  if (order.length === 0) {
    return;
  }
  const start = Math.max(-1, order.indexOf(ui.channelId));
  for (let step = 1; step <= order.length; step++) {
    const index = (start + direction * step + order.length * 2) % order.length;
    const id = order[index];
    if (!unreadOnly || (store.unreadOf(id).count > 0 && id !== ui.channelId)) {
      navigate(`/c/${id}`);
      return;
    }
  }
}

/** Arrow keys in the message list move between messages (one tab stop for the whole list). */
function listKeydown(event) {
  if (isTyping(event.target) || !['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)
    || event.altKey || event.ctrlKey || event.metaKey) {
    return;
  }
  const articles = [...root.querySelectorAll('.messages article.msg')];
  if (articles.length === 0) {
    return;
  }
  const current = event.target.closest('article.msg');
  let index = current ? articles.indexOf(current) : articles.length - 1;
  if (event.key === 'ArrowUp') {
    index = Math.max(0, index - 1);
  } else if (event.key === 'ArrowDown') {
    index = Math.min(articles.length - 1, index + 1);
  } else {
    index = event.key === 'Home' ? 0 : articles.length - 1;
  }
  event.preventDefault();
  ui.activeId = articles[index].dataset.id;
  articles[index].focus();
  if (index === 0) {
    chat.loadOlder(ui.channelId);
  }
  redraw();
}

// ---- theme ----

function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') {
    document.documentElement.dataset.theme = theme;
  } else {
    delete document.documentElement.dataset.theme;
  }
}

// ---- what the views can do ----

const messageHandlers = {
  scroll() {
    const where = keeper.scrolled();
    if (where.atBottom !== ui.atBottom) {
      ui.atBottom = where.atBottom;
      redraw();
    }
    if (where.nearTop) {
      chat.loadOlder(ui.channelId);
    }
    if (where.nearBottom) {
      chat.loadNewer(ui.channelId);
    }
    markVisibleRead();
  },
  keydown: listKeydown,
  focusMessage(event) {
    const article = event.target.closest?.('article.msg');
    // Shift+Tab into the list lands on the message, not on its author's name after it (one tab stop).
    if (article && event.target.classList.contains('author') && event.target.matches(':focus-visible')
      && event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) {
      article.focus();
      return;
    }
    if (article && ui.activeId !== article.dataset.id) {
      ui.activeId = article.dataset.id;
      redraw();
    }
  },
  jumpToLatest() {
    const line = store.state.timelines.get(ui.channelId);
    ui.atBottom = true;
    keeper.atBottom = true;
    if (line?.hasNewer) {
      chat.jumpToLatest(ui.channelId).then(() => {
        keeper.toBottom();
        redraw();
      });
    } else {
      keeper.toBottom();
    }
    ui.focusAfterDraw = '.composer textarea';
    redraw();
  },
  reload() {
    chat.jumpToLatest(ui.channelId);
  },
  reply(message) {
    ui.replyTo = message;
    ui.focusAfterDraw = '.composer textarea';
    redraw();
  },
  edit(message) {
    ui.editingId = message.id;
    ui.focusAfterDraw = '.edit-box textarea';
    redraw();
  },
  async saveEdit(message, text) {
    const content = text.replace(/\s+$/, '');
    if (content === message.content || !content.trim()) {
      messageHandlers.cancelEdit();
      return;
    }
    if (await chat.edit(message, content)) {
      messageHandlers.cancelEdit();
    }
  },
  cancelEdit() {
    ui.editingId = null;
    ui.focusAfterDraw = '.composer textarea';
    redraw();
  },
  remove(message) {
    app.openDialog('confirm-delete', { message });
  },
  react(message, emoji) {
    chat.toggleReaction(message, emoji);
  },
  pickEmoji(message) {
    app.openDialog('emoji', { message });
  },
  retry(clientId) {
    chat.retry(clientId);
  },
  discard(clientId) {
    chat.discard(clientId);
  },
  fileUrl,
  download: downloadFile,
  openImage(file) {
    app.openDialog('image', { file });
  },
  quoteClick(messageId) {
    showMessage(ui.channelId, messageId);
  },
  profile(user, event) {
    app.openProfile(user, event);
  },
};

/** The `@name` being typed in the composer, with the people it may name (see core/mentions.js). */
function updateMention(text, caret) {
  const at = typeof caret === 'number' ? mentionAt(text, caret) : null;
  const before = ui.mention;
  if (!at) {
    ui.mention = null;
  } else {
    const meId = store.state.me?.id;
    const members = [...(store.state.members.get(ui.channelId)?.values() ?? [])].map((member) => member.user)
      .filter((user) => user && user.id !== meId && user.username !== 'deleted-user');
    const channel = store.state.channels.get(ui.channelId);
    const options = completions(members, at.query).filter((option) => option.user || channel?.kind !== 'dm');
    const same = before && before.channelId === ui.channelId && before.query === at.query;
    ui.mention = { channelId: ui.channelId, ...at, options, active: same ? Math.min(before.active,
      Math.max(0, options.length - 1)) : 0 };
  }
  if (before || ui.mention) {
    redraw();
  }
}

const composerHandlers = {
  input(text, caret) {
    updateMention(text, caret);
    drafts.set(ui.channelId, text);
    if (text.trim()) {
      chat.typing(ui.channelId);
    } else {
      chat.stopTyping(ui.channelId);
    }
  },
  send(text) {
    const replyTo = ui.replyTo?.id ?? null;
    if (uploads?.busy(ui.channelId)) {
      notice({ text: 'Your files are still uploading: send when they are done.' });
      return false;
    }
    const files = uploads ? uploads.take(ui.channelId) : [];
    chat.send(ui.channelId, text, { replyTo, files });
    drafts.clear(ui.channelId);
    ui.replyTo = null;
    ui.mention = null;
    ui.unreadAfter = null;
    keeper.atBottom = true;
    ui.atBottom = true;
    const line = store.state.timelines.get(ui.channelId);
    if (line?.hasNewer) {
      chat.jumpToLatest(ui.channelId);
    }
    redraw();
  },
  cancelReply() {
    ui.replyTo = null;
    redraw();
  },
  /** A key pressed while people to mention are listed: says whether it was the list's. */
  mentionKey(event, area) {
    const mention = ui.mention;
    const count = mention.options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      mention.active = (mention.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
      composerHandlers.pickMention(mention.active, area);
    } else if (event.key === 'Escape') {
      ui.mention = null;
    } else {
      return false;
    }
    event.preventDefault();
    event.stopPropagation();
    redraw();
    return true;
  },
  pickMention(index, area) {
    const mention = ui.mention;
    const option = mention?.options[index];
    if (!option || !area) {
      return;
    }
    const next = complete(area.value, mention, area.selectionStart, option.username);
    area.value = next.text;
    area.setSelectionRange(next.caret, next.caret);
    ui.mention = null;
    drafts.set(ui.channelId, next.text);
    redraw();
  },
  closeMentions() {
    if (ui.mention) {
      ui.mention = null;
      redraw();
    }
  },
  attach,
  cancelUpload(id) {
    uploads?.cancel(id);
  },
  uploadsOf(channelId) {
    return uploads ? uploads.of(channelId) : [];
  },
  editLast() {
    const line = store.state.timelines.get(ui.channelId);
    const meId = store.state.me.id;
    const mine = line?.messages.filter((message) => message.sender?.id === meId && !message.deleted).at(-1);
    if (!mine) {
      return;
    }
    if (Date.now() - new Date(mine.created_at).getTime() >= EDIT_WINDOW_MS) {
      notice({ text: 'Your last message is older than 15 minutes and can no longer be edited.' });
      return;
    }
    messageHandlers.edit(mine);
  },
};

const app = {
  ui,
  store,
  api,
  session,
  get chat() {
    return chat;
  },
  serverName: location.hostname || 'Chatalot',
  now: () => Date.now(),
  redraw,
  navigate,
  showMessage,
  notice,
  messageHandlers,
  composerHandlers,
  startChat,

  follow(event, path) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(path);
  },

  channelTitle(channel) {
    return channel.kind === 'dm' ? store.dmName(channel.id) : `#${channel.name}`;
  },

  /** What the message list of a channel shows and can do. */
  messageContext(channel) {
    return { channel, line: store.state.timelines.get(channel.id), title: app.channelTitle(channel),
      isDm: channel.kind === 'dm', me: store.state.me, store, ui, atBottom: ui.atBottom, on: messageHandlers,
      pending: store.state.pending.filter((item) => item.channel_id === channel.id),
      readOnly: channel.archived_at ? 'This channel is archived: it is read-only.' : null };
  },

  draftOf(channelId) {
    return drafts?.get(channelId) ?? '';
  },

  myStatus() {
    return ui.myStatus;
  },

  setMyStatus(status) {
    ui.myStatus = status;
    chat.setPresence(status);
    redraw();
  },

  isAdmin() {
    const role = store.state.me?.role;
    return role === 'admin' || role === 'owner';
  },

  setTheme(theme) {
    localStorage.setItem(THEME_KEY, theme);
    applyTheme(theme);
    redraw();
  },

  theme() {
    return localStorage.getItem(THEME_KEY) ?? 'system';
  },

  toggleMembers() {
    ui.membersOpen = !ui.membersOpen;
    localStorage.setItem(MEMBERS_KEY, String(ui.membersOpen));
    redraw();
  },

  toggleSidebar() {
    ui.sidebarOpen = !ui.sidebarOpen;
    redraw();
  },

  async openDialog(kind, data = {}) {
    dialogs = dialogs ?? await import('./ui/dialogs.js');
    ui.profile = null;
    ui.dialog = { kind, ...data, opener: document.activeElement };
    redraw();
  },

  get searchView() {
    return searchViews;
  },

  async openSearch(data = {}) {
    searchViews = searchViews ?? await import('./ui/search-view.js');
    await app.openDialog('search', { channelId: null, ...data });
  },

  closeDialog() {
    const opener = ui.dialog?.opener;
    ui.dialog = null;
    redraw();
    returnFocus(() => opener);
  },

  /** Opens someone's profile card beside the control activated (activated again, it closes the card). */
  openProfile(user, event) {
    const opener = event.currentTarget.dataset.opener;
    if (ui.profile?.opener === opener) {
      app.closeProfile();
      return;
    }
    if (!user?.id) {
      return;
    }
    ui.profile = { userId: user.id, user, opener };
    ui.focusAfterDraw = '.profile-card .button';
    redraw();
    // A sender known only from a message has no status text yet: the public profile has it.
    if (!('status_text' in (store.state.users.get(user.id) ?? user))) {
      api.get(`/api/users/${encodeURIComponent(user.id)}`).then((found) => store.rememberUsers([found]), () => {});
    }
  },

  /** Closes the profile card; focus left with nowhere to go goes back to what opened it. */
  closeProfile() {
    const key = ui.profile?.opener;
    if (!key) {
      return;
    }
    ui.profile = null;
    redraw();
    // Not scrolled back into view: the card may have closed because its opener scrolled away.
    returnFocus(() => root.querySelector(`[data-opener="${CSS.escape(key)}"]`), { preventScroll: true });
  },

  dismissNotice(id) {
    const before = ui.notices.length;
    ui.notices = ui.notices.filter((item) => item.id !== id);
    if (ui.notices.length !== before) {
      redraw();
    }
  },

  async joinChannel(channelId) {
    try {
      const channel = await chat.join(channelId);
      ui.preview = null;
      navigate(`/c/${channel.id}`);
    } catch (error) {
      notice({ text: `Could not join: ${error.message}`, kind: 'error' });
    }
  },

  async startDm(userId) {
    try {
      const channel = await chat.openDm(userId);
      navigate(`/c/${channel.id}`);
    } catch (error) {
      notice({ text: `Could not open the conversation: ${error.message}`, kind: 'error' });
    }
  },

  async signOut() {
    ui.dialog = null;
    await session.signOut();
  },

  /** The docked call panel (nothing until a call was joined once). */
  callPanel() {
    return calls ? calls.view.panel(app) : '';
  },

  isInCall(channelId) {
    return calls?.controller.isIn(channelId) ?? false;
  },

  async joinCall(channelId) {
    try {
      (await loadCalls()).controller.join(channelId);
    } catch (error) {
      notice({ text: `Could not start the call: ${error.message}`, kind: 'error' });
    }
  },
};

// Typing indicators expire on their own; keep the page in step while any are shown.
setInterval(() => {
  if (ui.screen === 'chat' && store.expireTyping()) {
    redraw();
  }
}, 2_000);

boot().catch((error) => {
  ui.bootError = `Chatalot could not start: ${error.message}`;
  redraw();
});
