// The signed-in screen: sidebar (channels, DMs, unread), the channel's header, message list and composer,
// the members panel, and the banners and notices around them. Pure functions of the app's state.

import { html, nothing } from 'lit-html';
import { formatBytes } from '../core/api.js';
import { plainText } from '../core/markdown.js';
import { avatar, icon, plural, presenceDot, presenceLabel } from './common.js';
import { messageList, typingLine } from './messages.js';
import { profileCard } from './profile-card.js';

/** Without a connection for this long, the page says so (shorter blips pass silently). */
export const OFFLINE_BANNER_AFTER_MS = 5_000;

export function chatView(app) {
  const { ui, store } = app;
  const channel = ui.channelId ? store.state.channels.get(ui.channelId) : null;
  const showMembers = ui.membersOpen && channel && channel.kind !== 'dm';
  const classes = ['shell', showMembers ? 'with-members' : '', ui.sidebarOpen ? 'sidebar-open' : ''].join(' ');
  return html`
    <div class=${classes}>
      ${connectionBanner(app)}
      ${sidebar(app)}
      ${ui.sidebarOpen ? html`<button class="scrim" type="button" aria-label="Close channel list"
        @click=${app.toggleSidebar}></button>` : nothing}
      <main class="main ${ui.dropping ? 'dropping' : ''}" aria-label=${channel ? app.channelTitle(channel) : 'Chat'}
        @dragover=${(event) => dragOver(app, channel, event)} @dragleave=${(event) => dragLeave(app, event)}
        @drop=${(event) => drop(app, channel, event)}>
        ${app.callPanel()}
        ${channel ? channelPane(app, channel) : emptyPane(app)}
        ${ui.dropping ? html`<div class="drop-hint" aria-hidden="true">Drop to share in ${app.channelTitle(channel)}</div>`
          : nothing}
      </main>
      ${showMembers ? membersPanel(app, channel) : nothing}
      ${ui.profile ? profileCard(app) : nothing}
    </div>
    <div class="sr-only" role="status" aria-live="polite">${ui.announce}</div>
    ${notices(app)}`;
}

/** Files dragged over the channel: dropped, they are shared there (not for archived channels or DMs' peers). */
function hasFiles(event) {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

function dragOver(app, channel, event) {
  if (!channel || channel.archived_at || !hasFiles(event)) {
    return;
  }
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  if (!app.ui.dropping) {
    app.ui.dropping = true;
    app.redraw();
  }
}

function dragLeave(app, event) {
  if (app.ui.dropping && !event.currentTarget.contains(event.relatedTarget)) {
    app.ui.dropping = false;
    app.redraw();
  }
}

function drop(app, channel, event) {
  if (!channel || channel.archived_at || !hasFiles(event)) {
    return;
  }
  event.preventDefault();
  app.ui.dropping = false;
  app.composerHandlers.attach(event.dataTransfer.files);
}

function connectionBanner(app) {
  const { status, since } = app.store.state.connection;
  const down = status !== 'online' && status !== 'idle' && status !== 'stopped';
  const shown = down && app.now() - since >= OFFLINE_BANNER_AFTER_MS;
  return html`<div class="banner" role="status">${shown ? 'You are offline — reconnecting…' : ''}</div>`;
}

function sidebar(app) {
  const { store, ui } = app;
  const { channels, dms } = store.sidebar();
  const me = store.state.me;
  return html`<nav class="sidebar" aria-label="Channels and direct messages">
    <div class="sidebar-head">
      <span class="workspace">${app.serverName}</span>
      <button class="icon-button" type="button" aria-label="Jump to a channel (Ctrl+K)" title="Jump to… (Ctrl+K)"
        @click=${() => app.openDialog('switcher')}>${icon('search')}</button>
      <button class="icon-button menu-toggle" type="button" aria-label="Close channel list"
        @click=${app.toggleSidebar}>${icon('close')}</button>
    </div>
    <div class="sidebar-scroll">
      <section class="sidebar-section" aria-labelledby="channels-heading">
        <div class="section-head"><h2 id="channels-heading">Channels</h2>
          <button class="icon-button" type="button" aria-label="Browse channels" title="Browse channels"
            @click=${() => app.openDialog('browse')}>${icon('compass')}</button>
          <button class="icon-button" type="button" aria-label="Create channel" title="Create channel"
            @click=${() => app.openDialog('create')}>${icon('plus')}</button>
        </div>
        <ul>${channels.map((channel) => navItem(app, channel, ui.channelId === channel.id))}</ul>
        ${channels.length === 0 ? html`<p class="hint">No channels yet.</p>` : nothing}
      </section>
      <section class="sidebar-section" aria-labelledby="dms-heading">
        <div class="section-head"><h2 id="dms-heading">Direct messages</h2>
          <button class="icon-button" type="button" aria-label="New message" title="New direct message"
            @click=${() => app.openDialog('new-dm')}>${icon('plus')}</button>
        </div>
        <ul>${dms.map((channel) => navItem(app, channel, ui.channelId === channel.id))}</ul>
      </section>
    </div>
    <div class="sidebar-foot">
      <button class="me" type="button" aria-label=${`Account: ${me.display_name || me.username}, ${presenceLabel(app.myStatus())}`}
        @click=${() => app.openDialog('account')}>
        ${avatar(me, 'small')}
        <span class="who"><strong>${me.display_name || me.username}</strong>
          <span>${presenceLabel(app.myStatus())}</span></span>
      </button>
      ${app.isAdmin() ? html`<button class="icon-button" type="button" aria-label="Invite people" title="Invite people"
        @click=${() => app.openDialog('invite')}>${icon('link')}</button>` : nothing}
      <button class="icon-button" type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)"
        @click=${() => app.openDialog('shortcuts')}>${icon('keyboard')}</button>
    </div>
  </nav>`;
}

function navItem(app, channel, current) {
  const { store } = app;
  const { count: unread, mentions } = store.unreadOf(channel.id);
  const muted = store.notifyLevelOf(channel.id) === 'nothing';
  const isDm = channel.kind === 'dm';
  const name = isDm ? store.dmName(channel.id) : channel.name;
  const other = isDm ? store.state.dmOther.get(channel.id) : null;
  const status = other ? store.presenceOf(other.id) : null;
  const prefix = isDm ? html`<span class="presence ${status}" aria-hidden="true"></span>`
    : html`<span class="prefix" aria-hidden="true">${channel.kind === 'voice' ? icon('speaker')
      : channel.visibility === 'private' ? icon('lock') : '#'}</span>`;
  const call = channel.kind === 'voice' ? store.voiceIn(channel.id) : null;
  const described = [isDm ? `direct message, ${presenceLabel(status)}` : channel.kind === 'voice' ? 'voice channel'
    : channel.visibility === 'private' ? 'private channel' : 'channel',
  call ? `${plural(call.participants.length, 'person', 'people')} in the call` : '',
  unread ? plural(unread, 'unread message') : '', mentions && !isDm ? plural(mentions, 'mention') : '',
  muted ? 'muted' : ''].filter(Boolean).join(', ');
  const badge = mentions && !isDm ? html`<span class="badge mention" aria-hidden="true">@${mentions > 99 ? '99+'
    : mentions}</span>` : unread && !muted ? html`<span class="badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>`
    : nothing;
  return html`<li><a class="nav-item ${unread && !muted ? 'unread' : ''} ${muted ? 'muted' : ''}" href=${`/c/${channel.id}`}
    aria-current=${current ? 'page' : 'false'} @click=${(event) => app.follow(event, `/c/${channel.id}`)}>
    ${prefix}<span class="name">${name}<span class="sr-only">, ${described}</span></span>
    ${badge}
  </a>${call ? voicePeople(app, channel, call) : nothing}</li>`;
}

const LEVEL_NAMES = { all: 'every message', mentions: 'mentions only', nothing: 'off' };

function channelPane(app, channel) {
  const { store, ui } = app;
  const line = store.state.timelines.get(channel.id);
  const title = app.channelTitle(channel);
  const isDm = channel.kind === 'dm';
  const typing = typingLine(store.typingIn(channel.id));
  const readOnly = channel.archived_at ? 'This channel is archived: it is read-only.' : null;
  const peer = isDm ? store.state.dmOther.get(channel.id) : null;
  // A DM's name opens the other person's profile card, as their name on a message does.
  const heading = peer ? html`<button class="title-button" type="button" aria-haspopup="dialog"
    data-opener=${`dm:${channel.id}`} @click=${(event) => app.openProfile(peer, event)}>${title}</button>` : title;
  return html`
    <header class="channel-head">
      <button class="icon-button menu-toggle" type="button" aria-label="Open channel list"
        aria-expanded=${ui.sidebarOpen} @click=${app.toggleSidebar}>${icon('menu')}</button>
      <div class="title">
        <h1>${heading}</h1>
        ${isDm ? html`<p class="topic" dir="auto">${presenceLabel(store.presenceOf(peer?.id))}${
          peer?.status_text ? ` · ${peer.status_text}` : ''}</p>`
          : channel.topic ? html`<p class="topic" dir="auto" title=${channel.topic}>${channel.topic}</p>` : nothing}
      </div>
      ${channel.kind === 'voice' && !channel.archived_at ? callSummary(app, channel) : nothing}
      <button class="icon-button" type="button" aria-label="Search messages" title="Search messages (Ctrl Shift F)"
        @click=${() => app.openSearch()}>${icon('search')}</button>
      <button class="icon-button" type="button" aria-label=${`Notifications: ${LEVEL_NAMES[store.notifyLevelOf(channel.id)]}`}
        title="Notifications" @click=${() => app.openDialog('notifications', { channelId: channel.id })}>
        ${icon(store.notifyLevelOf(channel.id) === 'nothing' ? 'bell-off' : 'bell')}</button>
      ${!isDm && store.canModerate(channel.id) ? html`<button class="icon-button" type="button"
        aria-label="Channel settings" title="Channel settings"
        @click=${() => app.openDialog('channel-settings', { channelId: channel.id })}>${icon('settings')}</button>`
        : nothing}
      ${isDm ? nothing : html`<button class="icon-button" type="button" aria-label=${`Members (${channel.member_count ?? ''})`}
        title="Members" aria-pressed=${Boolean(ui.membersOpen)} @click=${app.toggleMembers}>${icon('users')}</button>`}
    </header>
    ${line ? messageList(app.messageContext(channel)) : html`<div class="timeline">
      <p class="history-edge" role="status">Loading messages…</p></div>`}
    <div class="typing" aria-hidden=${typing ? 'false' : 'true'}>${typing}</div>
    ${composer({ title, draft: app.draftOf(channel.id), mention: ui.mention?.channelId === channel.id ? ui.mention
      : null, replyTo: ui.replyTo, replyName: ui.replyTo
      ? store.displayName(ui.replyTo.sender?.id) : '', readOnly, uploads: app.composerHandlers.uploadsOf(channel.id),
    on: app.composerHandlers })}`;
}

function emptyPane(app) {
  const { ui, store } = app;
  if (ui.preview) {
    return previewPane(app, ui.preview);
  }
  if (!store.state.loaded) {
    return html`<p class="boot" role="status">Loading your channels…</p>`;
  }
  return html`
    <header class="channel-head">
      <button class="icon-button menu-toggle" type="button" aria-label="Open channel list"
        aria-expanded=${ui.sidebarOpen} @click=${app.toggleSidebar}>${icon('menu')}</button>
      <div class="title"><h1>Welcome, ${store.state.me.display_name || store.state.me.username}</h1></div>
    </header>
    <div class="empty-state">
      <h2>${ui.notFound ? 'That page does not exist' : 'Pick up a conversation'}</h2>
      <p>${ui.notFound ? 'The link may be old, or the channel was deleted or is private.'
        : 'Join a channel, start one, or send someone a direct message.'}</p>
      <div class="actions">
        <button class="button primary" type="button" @click=${() => app.openDialog('browse')}>Browse channels</button>
        <button class="button" type="button" @click=${() => app.openDialog('create')}>Create channel</button>
        <button class="button" type="button" @click=${() => app.openDialog('new-dm')}>New message</button>
      </div>
    </div>`;
}

function previewPane(app, channel) {
  return html`
    <header class="channel-head">
      <button class="icon-button menu-toggle" type="button" aria-label="Open channel list"
        @click=${app.toggleSidebar}>${icon('menu')}</button>
      <div class="title"><h1>#${channel.name}</h1>
        ${channel.topic ? html`<p class="topic" dir="auto">${channel.topic}</p>` : nothing}</div>
    </header>
    <div class="not-member">
      <h2>You are not in #${channel.name} yet</h2>
      <p>${plural(channel.member_count ?? 0, 'member')}. Join to read and write here.</p>
      <button class="button primary" type="button" @click=${() => app.joinChannel(channel.id)}>
        Join #${channel.name}</button>
    </div>`;
}

function membersPanel(app, channel) {
  const { store } = app;
  const members = [...(store.state.members.get(channel.id)?.values() ?? [])];
  const rank = { owner: 0, moderator: 1, member: 2 };
  const order = (member) => (store.presenceOf(member.user.id) === 'offline' ? 1 : 0);
  members.sort((a, b) => order(a) - order(b) || rank[a.role] - rank[b.role]
    || (a.user.display_name || a.user.username).localeCompare(b.user.display_name || b.user.username));
  return html`<aside class="members" aria-labelledby="members-heading">
    <div class="members-head"><h2 id="members-heading">Members <span class="role">(${members.length})</span></h2>
      <button class="icon-button" type="button" aria-label="Hide members" @click=${app.toggleMembers}>
        ${icon('close')}</button></div>
    ${channel.visibility === 'private' ? html`<button class="button" type="button"
      @click=${() => app.openDialog('add-people', { channelId: channel.id })}>${icon('plus')} Add people</button>`
      : nothing}
    <ul>${members.map((member) => {
      const status = store.presenceOf(member.user.id);
      return html`<li>${presenceDot(status)}<button class="member" type="button" aria-haspopup="dialog"
        data-opener=${`member:${member.user.id}`} @click=${(event) => app.openProfile(member.user, event)}>
        <span class="name">${member.user.display_name || member.user.username}
        ${member.user.id === store.state.me.id ? html`<span class="role">(you)</span>` : nothing}
        ${member.user.status_text ? html`<span class="status-text" dir="auto">${member.user.status_text}</span>`
          : nothing}</span></button>
        ${member.role !== 'member' ? html`<span class="role">${member.role}</span>` : nothing}
        ${member.user.id !== store.state.me.id ? html`<button class="icon-button" type="button"
          aria-label=${`Message ${member.user.display_name || member.user.username}`}
          @click=${() => app.startDm(member.user.id)}>${icon('message')}</button>` : nothing}
      </li>`;
    })}</ul>
    <button class="button quiet leave" type="button" @click=${() => app.openDialog('confirm-leave',
      { channelId: channel.id })}>Leave #${channel.name}</button>
  </aside>`;
}

export function notices(app) {
  const list = app.ui.notices;
  return html`<div class="notices" role="region" aria-label="Notifications">${list.map((notice) => html`
    <div class="notice ${notice.kind ?? ''}" role=${notice.kind === 'error' ? 'alert' : 'status'}>
      <p>${notice.text}</p>
      <button class="icon-button" type="button" aria-label="Dismiss" @click=${() => app.dismissNotice(notice.id)}>
        ${icon('close')}</button>
    </div>`)}</div>`;
}


// ---- the composer: Enter sends, Shift+Enter starts a new line, IME composition is left alone, ↑ in an
// empty composer edits your last message; the draft is kept per channel and typing is announced.

/** The composer grows with its text up to this many lines, then scrolls. */
const MAX_ROWS = 12;

/**
 * @param {object} ctx channel id and title, draft text, replyTo (message or null), readOnly, and handlers
 *   on.input(text), on.send(text), on.cancelReply(), on.editLast()
 */
function composer(ctx) {
  if (ctx.readOnly) {
    return html`<p class="archived-note" role="note">${ctx.readOnly}</p>`;
  }
  const { on } = ctx;
  const label = `Message ${ctx.title}`;
  const keydown = (event) => {
    const area = event.target;
    if (event.isComposing || event.keyCode === 229) {
      return;
    }
    if (ctx.mention?.options.length && on.mentionKey(event, area)) {
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      submit(area);
    } else if (event.key === 'ArrowUp' && area.value === '' && !event.altKey) {
      event.preventDefault();
      on.editLast();
    } else if (event.key === 'Escape' && ctx.replyTo) {
      event.preventDefault();
      event.stopPropagation();
      on.cancelReply();
    }
  };
  const ready = ctx.uploads.filter((upload) => upload.state === 'done').length;
  const submit = (area) => {
    const text = area.value;
    if (!text.trim() && ready === 0) {
      return;
    }
    if (on.send(text) === false) {
      return;
    }
    area.value = '';
    grow(area);
  };
  return html`<div class="composer">
    <form @submit=${(event) => {
      event.preventDefault();
      submit(event.target.elements.message);
    }}>
      ${ctx.replyTo ? html`<div class="replying">${icon('reply')}
        <span>Replying to <strong>${ctx.replyName}</strong>: ${plainText(ctx.replyTo.content, 100)}</span>
        <button class="icon-button" type="button" aria-label="Cancel reply" @click=${on.cancelReply}>
          ${icon('close')}</button></div>` : nothing}
      ${ctx.uploads.length ? uploadList(ctx.uploads, on) : nothing}
      ${ctx.mention?.options.length ? mentionList(ctx.mention, on) : nothing}
      <div class="row">
        <input class="file-input" type="file" multiple tabindex="-1" aria-hidden="true" @change=${(event) => {
          on.attach(event.target.files);
          event.target.value = '';
        }}>
        <textarea name="message" rows="1" dir="auto" aria-label=${label} placeholder=${label}
          enterkeyhint="send" .value=${ctx.draft} aria-autocomplete="list"
          aria-controls=${ctx.mention?.options.length ? 'mention-list' : nothing}
          aria-activedescendant=${ctx.mention?.options.length ? `mention-${ctx.mention.active}` : nothing}
          @keydown=${keydown} @input=${(event) => {
            grow(event.target);
            on.input(event.target.value, event.target.selectionStart);
          }} @blur=${() => on.closeMentions()} @paste=${(event) => {
            const files = event.clipboardData?.files;
            if (files && files.length) {
              event.preventDefault();
              on.attach(files);
            }
          }}></textarea>
        <button class="icon-button" type="button" aria-label="Attach files" title="Attach files"
          @click=${(event) => event.currentTarget.parentElement.querySelector('.file-input').click()}>
          ${icon('clip')}</button>
        <button class="icon-button send" type="submit" aria-label="Send message" title="Send (Enter)">
          ${icon('send')}</button>
      </div>
    </form>
  </div>`;
}

/** People the `@` being typed may name: ↑/↓ choose, Enter or Tab completes, Escape closes. */
function mentionList(mention, on) {
  return html`<ul class="mention-list" id="mention-list" role="listbox" aria-label="People to mention">
    ${mention.options.map((option, index) => html`<li role="option" id=${`mention-${index}`}
      aria-selected=${index === mention.active ? 'true' : 'false'}
      @mousedown=${(event) => {
        // Keep the focus (and the caret) in the composer.
        event.preventDefault();
        on.pickMention(index, event.currentTarget.closest('form').elements.message);
      }}>
      ${option.user ? avatar(option.user, 'small') : html`<span class="avatar small" aria-hidden="true">@</span>`}
      <span class="grow">${option.user ? option.user.display_name || option.username : 'Everyone in this channel'}</span>
      <span class="sub">@${option.username}</span>
    </li>`)}</ul>`;
}

const UPLOAD_STATE = { waiting: 'Waiting', uploading: 'Uploading', done: 'Ready to send', failed: 'Not uploaded',
  cancelled: 'Cancelled' };

/** Files on their way: a progress bar each, the server's refusal when there is one, cancel or remove. */
function uploadList(uploads, on) {
  return html`<ul class="uploads" aria-label="Files to send">${uploads.map((upload) => html`
    <li class="upload ${upload.state}">
      <span class="file-icon" aria-hidden="true">${icon('file')}</span>
      <span class="upload-text">
        <span class="file-name" dir="auto">${upload.name}</span>
        <span class="file-meta">${formatBytes(upload.size)} · ${UPLOAD_STATE[upload.state]}</span>
        ${upload.state === 'uploading' || upload.state === 'waiting' ? html`<progress max=${Math.max(1, upload.size)}
          .value=${upload.loaded} aria-label=${`Uploading ${upload.name}`}></progress>` : nothing}
        ${upload.error ? html`<span class="upload-error" role="alert">${upload.error}</span>` : nothing}
      </span>
      <button class="icon-button" type="button" @click=${() => on.cancelUpload(upload.id)}
        aria-label=${`${upload.state === 'uploading' || upload.state === 'waiting' ? 'Cancel upload of' : 'Remove'} ${upload.name}`}>
        ${icon('close')}</button>
    </li>`)}</ul>`;
}

/** Fits the textarea to its text (up to MAX_ROWS) without a style attribute: rows is an attribute. */
export function grow(area) {
  if (!area) {
    return;
  }
  const lines = area.value.split('\n').length;
  const wrapped = Math.ceil(area.value.length / Math.max(20, Math.floor(area.clientWidth / 8)));
  area.rows = Math.min(MAX_ROWS, Math.max(1, lines, wrapped));
}

// Calls: who is in a voice channel's call (from events, so the call code need not be loaded).

/** Who is in a voice channel's call, under its name in the sidebar (from events: no call code needed). */
function voicePeople(app, channel, call) {
  const { store } = app;
  const person = (userId) => html`<li>${avatar(store.state.users.get(userId) ?? { id: userId }, 'tiny')}
    <span class="name">${store.displayName(userId)}</span>${call.muted.includes(userId) ? html`<span
      class="voice-muted" role="img" aria-label="muted">${icon('mic-off')}</span>` : nothing}</li>`;
  return html`<ul class="voice-people" aria-label=${`In the call in ${channel.name}`}>${
    call.participants.map(person)}</ul>`;
}

/** A voice channel's header: who is in its call, and the button to join it. */
function callSummary(app, channel) {
  const { store } = app;
  const people = store.voiceIn(channel.id)?.participants ?? [];
  const names = people.map((userId) => store.displayName(userId)).join(', ');
  return html`<div class="voice-summary">
    ${people.length ? html`<span class="voice-faces" role="img" aria-label=${`In the call: ${names}`}
      title=${`In the call: ${names}`}>${people.slice(0, 4).map((userId) =>
        avatar(store.state.users.get(userId) ?? { id: userId }, 'small'))}${people.length > 4
        ? html`<span class="more">+${people.length - 4}</span>` : nothing}</span>` : nothing}
    ${app.isInCall(channel.id) ? nothing : html`<button class="button primary" type="button"
      @click=${() => app.joinCall(channel.id)}>Join call</button>`}
  </div>`;
}
