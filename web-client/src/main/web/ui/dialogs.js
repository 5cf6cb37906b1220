// Every dialog of the chat screen, as native modal <dialog>s: the browser traps focus inside, Esc closes,
// the page behind is inert, and focus returns to the control that opened it. Loaded on first use.

import { html, nothing } from 'lit-html';
import { avatar, icon, plural } from './common.js';
import { plainText } from '../core/markdown.js';
import { askPermission, permission as notificationPermission } from './notify.js';

export const EMOJI = [
  ['👍', 'thumbs up'], ['❤️', 'heart'], ['😂', 'laughing'], ['🎉', 'party'], ['🙏', 'thank you'], ['👀', 'eyes'],
  ['✅', 'done'], ['🚀', 'rocket'], ['😀', 'grinning'], ['😊', 'smiling'], ['😅', 'sweat smile'], ['😍', 'heart eyes'],
  ['🤔', 'thinking'], ['😮', 'surprised'], ['😢', 'crying'], ['😡', 'angry'], ['🙌', 'raised hands'], ['👏', 'clapping'],
  ['💯', 'hundred'], ['🔥', 'fire'], ['✨', 'sparkles'], ['👋', 'wave'], ['🤝', 'handshake'], ['💪', 'strong'],
  ['👎', 'thumbs down'], ['❌', 'no'], ['⚠️', 'warning'], ['❓', 'question'], ['💡', 'idea'], ['📌', 'pin'],
  ['☕', 'coffee'], ['🍕', 'pizza'], ['🎂', 'cake'], ['🐛', 'bug'], ['🔧', 'fix'], ['📎', 'attachment'],
  ['⏳', 'waiting'], ['🙈', 'see no evil'], ['🤷', 'shrug'], ['😴', 'sleepy'], ['🥳', 'celebrate'], ['💬', 'speech'],
];

/** The dialog named by `app.ui.dialog.kind`. */
export function dialogView(app) {
  const dialog = app.ui.dialog;
  const view = VIEWS[dialog.kind];
  return view ? view(app, dialog) : nothing;
}

export function shell(app, title, body, { wide = false } = {}) {
  return html`<dialog aria-labelledby="dialog-title" class=${wide ? 'wide' : ''}
    @keydown=${(event) => {
      // Esc closes at once, also from a search field (where the browser would first clear the text).
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        close(app, event);
      }
    }}
    @close=${() => {
      if (app.ui.dialog) {
        app.closeDialog();
      }
    }}>
    <div class="dialog-body">
      <h2 id="dialog-title">${title}</h2>
      ${body}
    </div>
  </dialog>`;
}

export function close(app, event) {
  event?.target?.closest('dialog')?.close();
  if (app.ui.dialog) {
    app.closeDialog();
  }
}

function errorLine(dialog) {
  return dialog.error ? html`<p class="alert" role="alert">${dialog.error.message}</p>`
    : html`<p class="alert" role="alert"></p>`;
}

async function run(app, dialog, task) {
  dialog.busy = true;
  dialog.error = null;
  app.redraw();
  try {
    return await task();
  } catch (error) {
    dialog.error = error;
    return undefined;
  } finally {
    dialog.busy = false;
    app.redraw();
  }
}

/** The conversations whose name holds the query: names starting with it first, then unread ones. */
function switcherEntries(store, rawQuery) {
  const query = (rawQuery ?? '').trim().toLowerCase();
  const { channels, dms } = store.sidebar();
  return [...channels, ...dms].map((channel) => ({ channel, name: channel.kind === 'dm'
    ? store.dmName(channel.id) : channel.name, unread: store.unreadOf(channel.id).count }))
    .filter((entry) => !query || entry.name.toLowerCase().includes(query))
    .sort((a, b) => Number(b.name.toLowerCase().startsWith(query)) - Number(a.name.toLowerCase().startsWith(query))
      || Number(b.unread > 0) - Number(a.unread > 0) || a.name.localeCompare(b.name))
    .slice(0, 30);
}

// ---- Ctrl+K: jump to a channel ----

function switcher(app, dialog) {
  const { store } = app;
  const entries = switcherEntries(store, dialog.query);
  const selected = Math.min(dialog.selected ?? 0, Math.max(0, entries.length - 1));
  const open = (entry) => {
    close(app);
    app.navigate(`/c/${entry.channel.id}`);
  };
  const keydown = (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      dialog.selected = (selected + step + entries.length) % Math.max(1, entries.length);
      app.redraw();
    } else if (event.key === 'Enter') {
      // What the field holds now: Enter may come before the list was drawn again for the last keystroke.
      const current = switcherEntries(store, event.target.value);
      const pick = current[Math.min(dialog.selected ?? 0, Math.max(0, current.length - 1))];
      if (pick) {
        event.preventDefault();
        open(pick);
      }
    }
  };
  return shell(app, 'Jump to a conversation', html`
    <input type="search" role="combobox" aria-label="Channel or person" aria-expanded="true"
      aria-controls="switcher-list" aria-autocomplete="list"
      aria-activedescendant=${entries[selected] ? `switch-${entries[selected].channel.id}` : nothing}
      placeholder="Type a channel or a name" autofocus .value=${dialog.query ?? ''} @keydown=${keydown}
      @input=${(event) => {
        dialog.query = event.target.value;
        dialog.selected = 0;
        app.redraw();
      }}>
    <ul class="pick-list" id="switcher-list" role="listbox" aria-label="Conversations">
      ${entries.map((entry, index) => html`<li role="option" id=${`switch-${entry.channel.id}`}
        aria-selected=${index === selected ? 'true' : 'false'} @click=${() => open(entry)}>
        <span aria-hidden="true">${entry.channel.kind === 'dm' ? '@' : '#'}</span>
        <span class="grow">${entry.name}</span>
        ${entry.unread ? html`<span class="badge">${entry.unread}</span>` : nothing}</li>`)}
    </ul>
    ${entries.length === 0 ? html`<p role="status">Nothing matches “${dialog.query}”.</p>` : nothing}`);
}

// ---- channels ----

function browse(app, dialog) {
  if (!dialog.channels && !dialog.busy && !dialog.error) {
    run(app, dialog, async () => {
      dialog.channels = await app.chat.browse();
    });
  }
  const query = (dialog.query ?? '').trim().toLowerCase();
  const list = (dialog.channels ?? []).filter((channel) => !query || channel.name.toLowerCase().includes(query)
    || (channel.topic ?? '').toLowerCase().includes(query));
  return shell(app, 'Browse channels', html`
    <input type="search" aria-label="Search channels" placeholder="Search channels" autofocus
      .value=${dialog.query ?? ''} @input=${(event) => {
        dialog.query = event.target.value;
        app.redraw();
      }}>
    ${errorLine(dialog)}
    ${dialog.channels ? html`<ul class="pick-list" aria-label="Public channels">${list.map((channel) => {
      const member = app.store.state.channels.has(channel.id);
      return html`<li><span class="grow"><strong>#${channel.name}</strong>
        <span class="sub">${plural(channel.member_count ?? 0, 'member')}${channel.topic ? ` · ${channel.topic}` : ''}</span>
        </span>${member
          ? html`<button class="button" type="button" @click=${(event) => {
            close(app, event);
            app.navigate(`/c/${channel.id}`);
          }}>Open<span class="sr-only"> #${channel.name}</span></button>`
          : html`<button class="button primary" type="button" ?disabled=${dialog.busy} @click=${async (event) => {
            const joined = await run(app, dialog, () => app.chat.join(channel.id));
            if (joined) {
              close(app, event);
              app.navigate(`/c/${channel.id}`);
            }
          }}>Join<span class="sr-only"> #${channel.name}</span></button>`}</li>`;
    })}</ul>${list.length === 0 ? html`<p role="status">${query ? 'No channel matches.'
      : 'There are no public channels yet.'}</p>` : nothing}`
      : html`<p role="status">Loading channels…</p>`}
    <div class="actions">
      <button class="button" type="button" @click=${() => app.openDialog('create')}>Create channel</button>
      <button class="button quiet" type="button" @click=${(event) => close(app, event)}>Close</button>
    </div>`);
}

function create(app, dialog) {
  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const channel = await run(app, dialog, () => app.chat.createChannel({ name: String(form.get('name')).trim(),
      topic: String(form.get('topic')).trim(), visibility: form.get('visibility'), kind: form.get('kind') }));
    if (channel) {
      close(app, event);
      app.navigate(`/c/${channel.id}`);
    }
  };
  const invalid = dialog.error?.field === 'name';
  return shell(app, 'Create a channel', html`<form @submit=${submit}>
    ${dialog.error && !invalid ? errorLine(dialog) : nothing}
    <div class="field"><label for="c-name">Name</label>
      <input id="c-name" name="name" type="text" required maxlength="80" autofocus autocomplete="off"
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'c-name-error' : nothing}>
      ${invalid ? html`<span class="error" id="c-name-error">${dialog.error.message}</span>` : nothing}</div>
    <div class="field"><label for="c-topic">Topic <span class="hint">(optional)</span></label>
      <input id="c-topic" name="topic" type="text" maxlength="250" autocomplete="off"></div>
    <fieldset class="field"><legend class="label">Who can join</legend><div class="radio-row">
      <label><input type="radio" name="visibility" value="public" checked> Anyone (public)</label>
      <label><input type="radio" name="visibility" value="private"> Only people added (private)</label>
    </div></fieldset>
    <fieldset class="field"><legend class="label">Kind</legend><div class="radio-row">
      <label><input type="radio" name="kind" value="text" checked> Text</label>
      <label><input type="radio" name="kind" value="voice"> Voice</label>
    </div></fieldset>
    <div class="actions">
      <button class="button quiet" type="button" @click=${(event) => close(app, event)}>Cancel</button>
      <button class="button primary" type="submit" ?disabled=${dialog.busy}>Create channel</button>
    </div></form>`);
}

function channelSettings(app, dialog) {
  const channel = app.store.state.channels.get(dialog.channelId);
  if (!channel) {
    return nothing;
  }
  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const changes = {};
    const name = String(form.get('name')).trim();
    const topic = String(form.get('topic')).trim();
    if (name !== channel.name) {
      changes.name = name;
    }
    if (topic !== (channel.topic ?? '')) {
      changes.topic = topic;
    }
    if (Object.keys(changes).length === 0 || await run(app, dialog, () => app.chat.updateChannel(channel.id, changes))) {
      close(app, event);
    }
  };
  const archived = Boolean(channel.archived_at);
  return shell(app, `#${channel.name} settings`, html`<form @submit=${submit}>
    ${errorLine(dialog)}
    <div class="field"><label for="s-name">Name</label>
      <input id="s-name" name="name" type="text" required autocomplete="off" .value=${channel.name}></div>
    <div class="field"><label for="s-topic">Topic</label>
      <input id="s-topic" name="topic" type="text" autocomplete="off" .value=${channel.topic ?? ''}></div>
    <div class="actions">
      <button class="button ${archived ? '' : 'danger'}" type="button" ?disabled=${dialog.busy}
        @click=${async (event) => {
          if (await run(app, dialog, () => app.chat.setArchived(channel.id, !archived))) {
            close(app, event);
            app.notice({ text: archived ? `#${channel.name} is open again.`
              : `#${channel.name} is archived: it stays readable, nobody can post.` });
          }
        }}>${archived ? 'Unarchive channel' : 'Archive channel'}</button>
      <button class="button quiet" type="button" @click=${(event) => close(app, event)}>Cancel</button>
      <button class="button primary" type="submit" ?disabled=${dialog.busy}>Save</button>
    </div></form>`);
}

// ---- people ----

function userSearch(app, dialog, { title, action, actionLabel }) {
  const search = (value) => {
    dialog.query = value;
    clearTimeout(dialog.timer);
    if (!value.trim()) {
      dialog.results = null;
      app.redraw();
      return;
    }
    dialog.timer = setTimeout(() => run(app, dialog, async () => {
      const users = await app.chat.searchUsers(value.trim());
      if (dialog.query === value) {
        dialog.results = users.filter((user) => user.id !== app.store.state.me.id);
      }
    }), 200);
  };
  return shell(app, title, html`
    <input type="search" aria-label="Search people by name" placeholder="Search people by name" autofocus
      .value=${dialog.query ?? ''} @input=${(event) => search(event.target.value)}>
    ${errorLine(dialog)}
    <ul class="pick-list" aria-label="People">${(dialog.results ?? []).map((user) => html`<li>
      ${avatar(user, 'small')}<span class="grow"><strong>${user.display_name || user.username}</strong>
        <span class="sub">@${user.username}</span></span>
      <button class="button" type="button" ?disabled=${dialog.busy}
        @click=${(event) => action(user, event)}>${actionLabel}<span class="sr-only">
        ${user.display_name || user.username}</span></button></li>`)}</ul>
    ${dialog.results && dialog.results.length === 0 ? html`<p role="status">Nobody matches.</p>` : nothing}
    <div class="actions"><button class="button quiet" type="button" @click=${(event) => close(app, event)}>Close</button>
    </div>`);
}

function newDm(app, dialog) {
  return userSearch(app, dialog, { title: 'New message', actionLabel: 'Message', action: async (user, event) => {
    const channel = await run(app, dialog, () => app.chat.openDm(user.id));
    if (channel) {
      close(app, event);
      app.navigate(`/c/${channel.id}`);
    }
  } });
}

function addPeople(app, dialog) {
  return userSearch(app, dialog, { title: 'Add people', actionLabel: 'Add', action: async (user) => {
    const member = await run(app, dialog, () => app.chat.addMember(dialog.channelId, user.id));
    if (member) {
      app.notice({ text: `${user.display_name || user.username} was added.` });
    }
  } });
}

// ---- messages ----

function emoji(app, dialog) {
  const query = (dialog.query ?? '').trim().toLowerCase();
  const list = EMOJI.filter(([, name]) => !query || name.includes(query));
  const pick = (symbol, event) => {
    close(app, event);
    const message = app.store.findMessage(dialog.message.channel_id, dialog.message.id) ?? dialog.message;
    app.chat.toggleReaction(message, symbol);
  };
  return shell(app, 'Add a reaction', html`
    <input type="search" aria-label="Search emoji" placeholder="Search emoji" autofocus .value=${dialog.query ?? ''}
      @input=${(event) => {
        dialog.query = event.target.value;
        app.redraw();
      }}>
    <div class="emoji-grid" role="group" aria-label="Emoji">${list.map(([symbol, name]) => html`
      <button type="button" aria-label=${`React with ${name}`} title=${name}
        @click=${(event) => pick(symbol, event)}>${symbol}</button>`)}</div>
    ${list.length === 0 ? html`<p role="status">No emoji matches.</p>` : nothing}`);
}

function image(app, dialog) {
  const file = dialog.file;
  const url = app.messageHandlers.fileUrl(file);
  return shell(app, file.name, html`
    <div class="lightbox">${url ? html`<img src=${url} alt=${file.name}>` : html`<p role="status">Loading…</p>`}</div>
    <div class="actions">
      <button class="button" type="button" @click=${() => app.messageHandlers.download(file)}>Download</button>
      <button class="button primary" type="button" autofocus @click=${(event) => close(app, event)}>Close</button>
    </div>`, { wide: true });
}

function confirmDelete(app, dialog) {
  const message = dialog.message;
  const mine = message.sender?.id === app.store.state.me.id;
  return shell(app, 'Delete this message?', html`
    <p>${mine ? 'It will be removed for everyone.'
      : `You are deleting ${message.sender?.display_name ?? 'someone'}'s message as a moderator.`}</p>
    <blockquote class="reply-quote" dir="auto">${plainText(message.content, 200)}</blockquote>
    <div class="actions">
      <button class="button quiet" type="button" autofocus @click=${(event) => close(app, event)}>Cancel</button>
      <button class="button danger" type="button" @click=${async (event) => {
        close(app, event);
        await app.chat.remove(message);
      }}>Delete message</button>
    </div>`);
}

function confirmLeave(app, dialog) {
  const channel = app.store.state.channels.get(dialog.channelId);
  if (!channel) {
    return nothing;
  }
  const privateNote = channel.visibility === 'private'
    ? ' It is private: only a member can add you back.' : ' You can join it again from Browse channels.';
  return shell(app, `Leave #${channel.name}?`, html`
    <p>You will stop getting its messages.${privateNote}</p>
    ${errorLine(dialog)}
    <div class="actions">
      <button class="button quiet" type="button" autofocus @click=${(event) => close(app, event)}>Stay</button>
      <button class="button danger" type="button" ?disabled=${dialog.busy} @click=${async (event) => {
        const left = await run(app, dialog, async () => {
          await app.chat.leave(channel.id);
          return true;
        });
        if (left) {
          close(app, event);
          app.navigate('/');
        }
      }}>Leave channel</button>
    </div>`);
}

// ---- notifications of a channel ----

function notifications(app, dialog) {
  const { store } = app;
  const channel = store.state.channels.get(dialog.channelId);
  if (!channel) {
    return nothing;
  }
  const level = store.notifyLevelOf(channel.id);
  const isDm = channel.kind === 'dm';
  const levels = [['all', isDm ? 'Every message' : 'Every new message'],
    ['mentions', 'Only when someone mentions me'], ['nothing', 'Nothing']];
  const permission = notificationPermission();
  return shell(app, `Notifications for ${app.channelTitle(channel)}`, html`
    <fieldset class="field"><legend class="label">Tell me about</legend><div class="radio-column">
      ${levels.map(([value, label]) => html`<label><input type="radio" name="level" value=${value}
        .checked=${level === value} ?disabled=${dialog.busy} @change=${() => run(app, dialog,
          () => app.chat.setNotifyLevel(channel.id, value))}> ${label}</label>`)}</div></fieldset>
    <p class="hint">This choice is kept on the server: it follows you to every browser.</p>
    ${errorLine(dialog)}
    <h3>Desktop notifications</h3>
    ${permission === 'granted' ? html`<p>On in this browser: you are told while Chatalot is in a hidden tab.</p>`
      : permission === 'denied' ? html`<p>Blocked in this browser. Allow notifications for this site in the
        browser's site settings (the icon left of the address), then reload.</p>`
      : permission === 'unsupported' ? html`<p>This browser cannot show notifications for this page${isSecureContext
        ? '' : ' (it is not served over HTTPS)'}. The unread count in the tab title and its icon still tell you.</p>`
      : html`<p>Off in this browser.</p>
        <button class="button" type="button" @click=${async () => {
          await askPermission();
          app.redraw();
        }}>Turn on desktop notifications</button>`}
    <div class="actions"><button class="button" type="button" autofocus @click=${(event) => close(app, event)}>Done</button>
    </div>`);
}

// ---- account and admin ----

function account(app, dialog) {
  const me = app.store.state.me;
  const status = app.myStatus();
  const theme = app.theme();
  const statuses = [['online', 'Online'], ['idle', 'Away'], ['dnd', 'Do not disturb'], ['invisible', 'Invisible']];
  const themes = [['system', 'Same as the system'], ['light', 'Light'], ['dark', 'Dark']];
  return shell(app, me.display_name || me.username, html`
    <p class="hint">@${me.username}${me.role !== 'member' ? ` · ${me.role}` : ''}</p>
    <fieldset class="field"><legend class="label">Status</legend><div class="radio-row">
      ${statuses.map(([value, label]) => html`<label><input type="radio" name="status" value=${value}
        .checked=${status === value} @change=${() => app.setMyStatus(value)}> ${label}</label>`)}</div></fieldset>
    <fieldset class="field"><legend class="label">Theme</legend><div class="radio-row">
      ${themes.map(([value, label]) => html`<label><input type="radio" name="theme" value=${value}
        .checked=${theme === value} @change=${() => app.setTheme(value)}> ${label}</label>`)}</div></fieldset>
    ${app.isAdmin() ? html`<p>You are an ${me.role}: <button class="link-button" type="button"
      @click=${() => app.openDialog('invite')}>invite people</button>. Users, settings, backups and the deployment
      check are in the Chatalot admin app: see the <a href="/help/admin-guide"
      @click=${(event) => help(app, event, '/help/admin-guide')}>admin guide</a>.</p>` : nothing}
    <p><a href="/settings" @click=${(event) => help(app, event, '/settings')}>Account settings</a>: profile,
      password, two-step verification, where you are signed in.</p>
    <p><a href="/help/user-guide" @click=${(event) => help(app, event, '/help/user-guide')}>User guide</a>: how
      everything here works.</p>
    <div class="actions">
      <button class="button" type="button" @click=${() => app.openDialog('shortcuts')}>${icon('keyboard')}
        Keyboard shortcuts</button>
      <button class="button danger" type="button" @click=${() => app.signOut()}>Sign out</button>
      <button class="button quiet" type="button" @click=${(event) => close(app, event)}>Close</button>
    </div>`);
}

function invite(app, dialog) {
  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const hours = Number(form.get('expires'));
    const created = await run(app, dialog, () => app.chat.createInvite({ maxUses: Number(form.get('uses')) || null,
      expiresInHours: hours > 0 ? hours : null }));
    if (created) {
      dialog.link = `${location.origin}/invite/${encodeURIComponent(created.code)}`;
      dialog.invite = created;
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(dialog.link);
      dialog.copied = true;
    } catch {
      dialog.copied = false;
      app.notice({ text: 'Could not copy: select the link and copy it yourself.', kind: 'error' });
    }
    app.redraw();
  };
  return shell(app, 'Invite people', dialog.link ? html`
    <p>Anyone with this link can create an account${dialog.invite.max_uses ? `, up to
      ${plural(dialog.invite.max_uses, 'person', 'people')}` : ''}${dialog.invite.expires_at ? `, until
      ${new Date(dialog.invite.expires_at).toLocaleString()}` : ''}.</p>
    <div class="code-box"><code aria-label="Invite link">${dialog.link}</code></div>
    <p class="sr-only" role="status">${dialog.copied ? 'Invite link copied' : ''}</p>
    <div class="actions">
      <button class="button primary" type="button" autofocus @click=${copy}>${dialog.copied ? 'Copied' : 'Copy link'}</button>
      <button class="button quiet" type="button" @click=${(event) => close(app, event)}>Done</button>
    </div>` : html`<form @submit=${submit}>
    ${errorLine(dialog)}
    <div class="field"><label for="i-uses">How many people can use it</label>
      <input id="i-uses" name="uses" type="number" min="1" max="10000" value="10" autofocus></div>
    <div class="field"><label for="i-expires">Expires</label>
      <select id="i-expires" name="expires">
        <option value="24">In a day</option>
        <option value="168" selected>In a week</option>
        <option value="720">In 30 days</option>
        <option value="0">Never</option>
      </select></div>
    <div class="actions">
      <button class="button quiet" type="button" @click=${(event) => close(app, event)}>Cancel</button>
      <button class="button primary" type="submit" ?disabled=${dialog.busy}>Create invite link</button>
    </div></form>`);
}

function shortcuts(app) {
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
  const rows = [
    [[mod, 'K'], 'Jump to a channel or person'],
    [[mod, 'Shift', 'F'], 'Search messages'],
    [['Alt', '↑'], 'Previous channel'], [['Alt', '↓'], 'Next channel'],
    [['Alt', 'Shift', '↑'], 'Previous unread channel'], [['Alt', 'Shift', '↓'], 'Next unread channel'],
    [['Enter'], 'Send the message'], [['Shift', 'Enter'], 'New line in the message'],
    [['↑'], 'Edit your last message (in an empty composer)'],
    [['↑', '↓'], 'Move between messages (in the message list)'],
    [['Esc'], 'Close a dialog, cancel a reply or an edit'],
    [['?'], 'This list (also Ctrl /)'],
  ];
  return shell(app, 'Keyboard shortcuts', html`<table class="shortcuts">
    <thead><tr><th scope="col">Keys</th><th scope="col">What they do</th></tr></thead>
    <tbody>${rows.map(([keys, what]) => html`<tr><td>${keys.map((key, i) => html`${i ? ' + ' : ''}<kbd>${key}</kbd>`)}</td>
      <td>${what}</td></tr>`)}</tbody></table>
    <p>More in the <a href="/help/user-guide#keyboard" @click=${(event) => help(app, event,
      '/help/user-guide#keyboard')}>user guide</a>.</p>
    <div class="actions"><button class="button" type="button" autofocus @click=${(event) => close(app, event)}>Close</button>
    </div>`);
}

/** Opens a guide in the client (closing the dialog first). */
function help(app, event, path) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
    return;
  }
  event.preventDefault();
  close(app, event);
  app.navigate(path);
}

const VIEWS = {
  switcher,
  browse,
  create,
  'channel-settings': channelSettings,
  'new-dm': newDm,
  'add-people': addPeople,
  emoji,
  'confirm-delete': confirmDelete,
  image,
  'confirm-leave': confirmLeave,
  notifications,
  // in its own module, loaded when first opened (app.openSearch)
  search: (app, dialog) => (app.searchView ? app.searchView.searchDialog(app, dialog) : nothing),
  account,
  invite,
  shortcuts,
};
