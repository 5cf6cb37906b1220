// Searching messages (GET /api/search, docs/api.md#search): words, a channel, a sender, a time span and
// "has a file"; results newest first with the matched words marked in a snippet drawn as text; a result
// opens its message in its channel. Loaded on first use, so the first page load does not pay for it.

import { html, nothing } from 'lit-html';
import { avatar, formatFull, formatTime, dayKey, formatDay } from './common.js';
import { shell, close } from './dialogs.js';

const PAGE = 20;
const TYPING_PAUSE_MS = 300;

/** The search dialog's state starts in `dialog`: {channelId, query, senderId, after, before, hasFile}. */
export function searchDialog(app, dialog) {
  const { store } = app;
  const { channels, dms } = store.sidebar();
  const people = [...store.state.users.values()].filter((user) => user.username !== 'deleted-user')
    .sort((a, b) => (a.display_name || a.username).localeCompare(b.display_name || b.username));
  const changed = (field) => (event) => {
    dialog[field] = event.target.type === 'checkbox' ? event.target.checked : event.target.value;
    schedule(app, dialog, field === 'query' ? TYPING_PAUSE_MS : 0);
  };
  return shell(app, 'Search messages', html`
    <form class="search-form" role="search" @submit=${(event) => {
      event.preventDefault();
      schedule(app, dialog, 0);
    }}>
      <div class="field"><label for="s-query">Words to find</label>
        <input id="s-query" name="q" type="search" autocomplete="off" autofocus maxlength="1000"
          .value=${dialog.query ?? ''} @input=${changed('query')}></div>
      <div class="search-filters">
        <div class="field"><label for="s-channel">In</label>
          <select id="s-channel" @change=${changed('channelId')}>
            <option value="" ?selected=${!dialog.channelId}>Every channel</option>
            ${[...channels, ...dms].map((channel) => html`<option value=${channel.id}
              ?selected=${dialog.channelId === channel.id}>${app.channelTitle(channel)}</option>`)}
          </select></div>
        <div class="field"><label for="s-sender">From</label>
          <select id="s-sender" @change=${changed('senderId')}>
            <option value="" ?selected=${!dialog.senderId}>Anyone</option>
            ${people.map((user) => html`<option value=${user.id} ?selected=${dialog.senderId === user.id}>
              ${user.display_name || user.username} (@${user.username})</option>`)}
          </select></div>
        <div class="field"><label for="s-after">On or after</label>
          <input id="s-after" type="date" .value=${dialog.after ?? ''} @change=${changed('after')}></div>
        <div class="field"><label for="s-before">Before</label>
          <input id="s-before" type="date" .value=${dialog.before ?? ''} @change=${changed('before')}></div>
        <label class="check"><input type="checkbox" .checked=${Boolean(dialog.hasFile)} @change=${changed('hasFile')}>
          Has a file</label>
      </div>
    </form>
    <p class="search-status" role="status">${statusText(dialog)}</p>
    ${dialog.error ? html`<p class="alert" role="alert">${dialog.error.message}</p>` : nothing}
    ${dialog.hits?.length ? results(app, dialog) : nothing}
    <div class="actions">
      ${dialog.nextCursor ? html`<button class="button" type="button" ?disabled=${dialog.busy}
        @click=${() => search(app, dialog, true)}>More results</button>` : nothing}
      <button class="button quiet" type="button" @click=${(event) => close(app, event)}>Close</button>
    </div>`, { wide: true });
}

function statusText(dialog) {
  if (dialog.busy) {
    return 'Searching…';
  }
  if (!dialog.hits) {
    return 'Search the messages of every channel you are in.';
  }
  if (!dialog.hits.length) {
    return `No messages with ${wordsText(dialog.words)}.`;
  }
  const more = dialog.nextCursor ? ' (more below)' : '';
  return `${dialog.hits.length} ${dialog.hits.length === 1 ? 'message' : 'messages'} with ${wordsText(dialog.words)}${more}.`;
}

function wordsText(words) {
  return (words ?? []).map((word) => `“${word}”`).join(' and ') || 'these words';
}

function results(app, dialog) {
  let lastDay = null;
  return html`<ul class="search-results" aria-label="Search results">${dialog.hits.map((hit) => {
    const message = hit.message;
    const channel = app.store.state.channels.get(hit.channel_id);
    const where = channel ? app.channelTitle(channel) : 'a channel';
    const who = message.sender ? message.sender.display_name || message.sender.username : 'Deleted user';
    const day = dayKey(message.created_at);
    const separator = day !== lastDay ? html`<li class="search-day" aria-hidden="true">${formatDay(message.created_at)}</li>`
      : nothing;
    lastDay = day;
    return html`${separator}<li><button class="search-hit" type="button"
      @click=${(event) => {
        close(app, event);
        app.showMessage(hit.channel_id, message.id);
      }}>
      ${avatar(message.sender, 'small')}
      <span class="grow">
        <span class="meta"><strong>${who}</strong> in ${where}
          <time datetime=${message.created_at} title=${formatFull(message.created_at)}>${formatTime(message.created_at)}</time></span>
        <span class="snippet" dir="auto">${marked(hit.snippet, hit.highlights)}</span>
        ${message.attachments?.length ? html`<span class="sub">${message.attachments.map((file) => file.name).join(', ')}</span>`
          : nothing}
      </span>
    </button></li>`;
  })}</ul>`;
}

/** The snippet as text, with the matched words (UTF-16 ranges from the server) in <mark>. */
export function marked(snippet, highlights) {
  const text = String(snippet ?? '');
  const ranges = (highlights ?? []).filter((range) => Number.isInteger(range.start) && Number.isInteger(range.end)
    && range.start >= 0 && range.end <= text.length && range.start < range.end).sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start < at) {
      continue;
    }
    parts.push(text.slice(at, start), html`<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

function schedule(app, dialog, delay) {
  clearTimeout(dialog.timer);
  app.redraw();
  dialog.timer = setTimeout(() => search(app, dialog, false), delay);
}

/** Runs the search (or its next page). An answer to an older question than the last one is dropped. */
async function search(app, dialog, more) {
  const query = (dialog.query ?? '').trim();
  if (!query) {
    Object.assign(dialog, { hits: null, nextCursor: null, error: null });
    app.redraw();
    return;
  }
  const params = new URLSearchParams({ q: query, limit: String(PAGE) });
  if (dialog.channelId) {
    params.set('channel_id', dialog.channelId);
  }
  if (dialog.senderId) {
    params.set('sender_id', dialog.senderId);
  }
  if (dialog.after) {
    params.set('after', new Date(`${dialog.after}T00:00:00`).toISOString());
  }
  if (dialog.before) {
    params.set('before', new Date(`${dialog.before}T00:00:00`).toISOString());
  }
  if (dialog.hasFile) {
    params.set('has_file', 'true');
  }
  if (more && dialog.nextCursor) {
    params.set('cursor', dialog.nextCursor);
  }
  const ticket = (dialog.ticket ?? 0) + 1;
  dialog.ticket = ticket;
  dialog.busy = true;
  dialog.error = null;
  app.redraw();
  try {
    const answer = await app.api.get(`/api/search?${params}`);
    if (dialog.ticket !== ticket) {
      return;
    }
    dialog.hits = more ? [...(dialog.hits ?? []), ...answer.hits] : answer.hits;
    dialog.nextCursor = answer.next_cursor ?? null;
    dialog.words = answer.words;
  } catch (error) {
    if (dialog.ticket !== ticket) {
      return;
    }
    dialog.error = error;
    if (!more) {
      dialog.hits = null;
      dialog.nextCursor = null;
    }
  } finally {
    if (dialog.ticket === ticket) {
      dialog.busy = false;
      app.redraw();
    }
  }
}
