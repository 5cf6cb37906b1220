// The message list: Markdown drawn from the parsed tree (text bindings only, never HTML strings), grouping,
// day separators, the "new messages" line, replies, reactions, local echo states, and the scroll keeper
// that holds the reader's place while pages load above and below.

import { html, nothing, render } from 'lit-html';
import { formatBytes } from '../core/api.js';
import { parseMarkdown, plainText, splitMentions } from '../core/markdown.js';
import { mentionsMe } from '../core/store.js';
import { avatar, dayKey, formatDay, formatFull, formatTime, icon } from './common.js';

/** Messages of one sender within this time of each other share one header. */
const GROUP_WITHIN_MS = 5 * 60_000;
export const EDIT_WINDOW_MS = 15 * 60_000;
/** Closer than this to the bottom counts as "at the bottom" (new messages then scroll into view). */
const BOTTOM_SLACK_PX = 48;
/** Older pages are fetched once the reader is this close to the top. */
const LOAD_AHEAD_PX = 600;

const trees = new WeakMap();
const bodies = new WeakMap();

/** The message's body as a template, parsed once per message object (an edit makes a new object). */
function body(message) {
  let template = bodies.get(message);
  if (!template) {
    let tree = trees.get(message);
    if (!tree) {
      tree = parseMarkdown(message.content);
      trees.set(message, tree);
    }
    template = html`${tree.map(block)}`;
    bodies.set(message, template);
  }
  return template;
}

export function markdown(text) {
  return html`${parseMarkdown(text).map(block)}`;
}

function block(node) {
  switch (node.t) {
    case 'p':
      return html`<p>${node.c.map(inline)}</p>`;
    case 'pre':
      return html`<pre tabindex="0"><code>${node.v}</code></pre>`;
    case 'quote':
      return html`<blockquote>${node.c.map(block)}</blockquote>`;
    case 'list':
      return node.ordered
        ? html`<ol start=${node.start}>${node.items.map((item) => html`<li>${item.map(block)}</li>`)}</ol>`
        : html`<ul>${node.items.map((item) => html`<li>${item.map(block)}</li>`)}</ul>`;
    case 'hr':
      return html`<hr>`;
    default:
      return nothing;
  }
}

/** How a mention of `name` is drawn: 'me' (it names the reader), 'other' (a known user), or null (plain). */
let mentionStyle = () => null;

export function setMentionStyle(styleOf) {
  mentionStyle = styleOf;
}

function text(value) {
  if (value.indexOf('@') < 0) {
    return value;
  }
  return splitMentions(value).map((part) => {
    const style = part.mention ? mentionStyle(part.mention) : null;
    return style ? html`<span class=${style === 'me' ? 'mention mention-me' : 'mention'}>${part.raw}</span>`
      : part.text ?? part.raw;
  });
}

function inline(node) {
  switch (node.t) {
    case 'text':
      return text(node.v);
    case 'br':
      return html`<br>`;
    case 'code':
      return html`<code>${node.v}</code>`;
    case 'strong':
      return html`<strong>${node.c.map(inline)}</strong>`;
    case 'em':
      return html`<em>${node.c.map(inline)}</em>`;
    case 'del':
      return html`<del>${node.c.map(inline)}</del>`;
    case 'span':
      return html`${node.c.map(inline)}`;
    case 'link':
      return html`<a href=${node.href} target="_blank" rel="noopener noreferrer nofollow">${node.c.map(inline)}</a>`;
    default:
      return nothing;
  }
}

/**
 * Builds the rows of the list: day separators, the unread line, and each message with whether it starts a
 * group. Pending (local echo) messages come last, in the order they were written.
 */
export function rows(messages, pending, { unreadAfter = null, meId = null } = {}) {
  const out = [];
  let previous = null;
  let unreadPlaced = false;
  for (const message of messages) {
    const day = dayKey(message.created_at);
    if (!previous || dayKey(previous.created_at) !== day) {
      out.push({ key: `day-${day}`, kind: 'day', at: message.created_at });
    }
    if (!unreadPlaced && unreadAfter !== null && message.id > unreadAfter && message.sender?.id !== meId) {
      out.push({ key: 'unread-line', kind: 'unread' });
      unreadPlaced = true;
    }
    out.push({ key: message.id, kind: 'message', message, first: startsGroup(previous, message) });
    previous = message;
  }
  for (const item of pending) {
    const message = { id: `local-${item.client_id}`, channel_id: item.channel_id, content: item.content,
      reply_to: item.reply_to, created_at: new Date(item.created_at).toISOString(), pending: item, reactions: [],
      attachments: item.files ?? [] };
    out.push({ key: message.id, kind: 'message', message, first: true, pending: item });
  }
  return out;
}

function startsGroup(previous, message) {
  if (!previous || previous.deleted || message.reply_to) {
    return true;
  }
  if (previous.sender?.id !== message.sender?.id) {
    return true;
  }
  if (dayKey(previous.created_at) !== dayKey(message.created_at)) {
    return true;
  }
  return new Date(message.created_at) - new Date(previous.created_at) > GROUP_WITHIN_MS;
}

/**
 * @param {object} ctx everything the list shows and every intent it can raise:
 *   channel, line (the timeline), pending (outbox items of the channel), me, store, ui (activeId, editingId,
 *   unreadAfter: the read cursor when the channel was opened, '' for "all", null for no line), atBottom, and handlers on.* (reply, edit, saveEdit, cancelEdit, remove, react, pickEmoji,
 *   retry, discard, jumpToLatest, scroll, keydown, focusMessage, quoteClick).
 */
export function messageList(ctx) {
  const { line, on } = ctx;
  const showJump = !ctx.atBottom || line.hasNewer;
  return html`
    <div class="timeline">
      <div class="messages" role="log" aria-live="off" aria-label=${`Messages in ${ctx.title}`}
        @scroll=${on.scroll} @keydown=${on.keydown} @focusin=${on.focusMessage}></div>
      ${showJump ? html`<button class="button jump-latest" type="button" @click=${on.jumpToLatest}>
        ${icon('down')} Jump to latest</button>` : nothing}
    </div>`;
}

/**
 * Draws the rows into the list drawn by {@link messageList}. Rows are keyed by message id: when older pages
 * arrive above, or the far end is dropped, existing rows keep their elements (and focus, and the reader's
 * place) and only new ones are made. Each row is a lit-html render target of its own.
 */
export function drawRows(list, ctx) {
  const { line, pending, ui } = ctx;
  const all = rows(line.messages, pending, { unreadAfter: ui.unreadAfter, meId: ctx.me.id });
  const lastKey = all.length ? all[all.length - 1].key : null;
  const focusKey = ui.activeId && all.some((row) => row.key === ui.activeId) ? ui.activeId : lastKey;
  const entries = [{ key: 'edge-above', view: () => edgeAbove(ctx) }];
  const moderator = ctx.store.canModerate(line.channelId);
  for (const row of all) {
    const focusable = row.key === focusKey;
    entries.push({ key: row.key, view: () => rowView(row, ctx, focusable), memo: rowMemo(row, ctx, focusable,
      moderator) });
  }
  if (line.hasNewer) {
    entries.push({ key: 'edge-below', view: () => html`<div class="history-edge" role="status">${line.loading
      === 'newer' ? 'Loading newer messages…' : ''}</div>` });
  }
  renderKeyed(list, entries);
}

/**
 * Everything a row's drawing depends on. A row whose memo is unchanged is not drawn again: with messages
 * arriving, only the new row and its neighbour are, not the whole list.
 */
function rowMemo(row, ctx, focusable, moderator) {
  if (row.kind !== 'message') {
    return [row.kind, row.at];
  }
  const { message } = row;
  const { ui } = ctx;
  return [message, row.first, row.pending, row.pending?.state, row.pending?.code, focusable,
    ui.activeId === message.id, ui.editingId === message.id, ui.highlightId === message.id, moderator, ctx.readOnly,
    message.reply_to ? ctx.store.findMessage(message.channel_id, message.reply_to) : null,
    message.reactions?.length ? reactionNames(message, ctx) : null,
    message.attachments?.length ? message.attachments.map((file) => (isInlineImage(file)
      ? ctx.on.fileUrl(file) : '')).join() : null,
    // Own messages lose their Edit button when the edit window closes: looked at again every minute.
    message.sender?.id === ctx.me.id ? Math.floor(Date.now() / 60_000) : 0];
}

function reactionNames(message, ctx) {
  return message.reactions.map((reaction) => reaction.user_ids.map((id) => ctx.store.displayName(id)).join()).join();
}

const KEYED = Symbol('keyed rows');
const MEMO = Symbol('row memo');

function sameMemo(a, b) {
  if (!a || !b || a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

/**
 * Puts one element per key in `container`, in order, reusing the element of a key seen before and drawing
 * it again only when its memo changed (an entry without a memo is always drawn).
 */
export function renderKeyed(container, entries) {
  const before = container[KEYED] ?? new Map();
  const after = new Map();
  let cursor = container.firstChild;
  for (const { key, view, memo } of entries) {
    let element = before.get(key);
    if (!element) {
      element = document.createElement('div');
      element.className = 'row';
    }
    if (!memo || !sameMemo(element[MEMO], memo)) {
      render(view(), element);
      element[MEMO] = memo;
    }
    if (element === cursor) {
      cursor = cursor.nextSibling;
    } else {
      container.insertBefore(element, cursor);
    }
    after.set(key, element);
  }
  for (const [key, element] of before) {
    if (!after.has(key)) {
      element.remove();
    }
  }
  container[KEYED] = after;
}

function edgeAbove(ctx) {
  const { line } = ctx;
  if (line.error && !line.loading) {
    return html`<div class="history-edge" role="alert">Could not load messages: ${line.error.message}
      <button class="button quiet" type="button" @click=${ctx.on.reload}>Try again</button></div>`;
  }
  if (line.hasOlder) {
    return html`<div class="history-edge" role="status">${line.loading ? 'Loading older messages…' : ''}</div>`;
  }
  return html`<div class="history-edge start"><h2>${ctx.title}</h2>
    <p>${ctx.isDm ? `This is the beginning of your conversation with ${ctx.title}.`
      : `This is the beginning of ${ctx.title}.`}</p></div>`;
}

function rowView(row, ctx, focusable) {
  if (row.kind === 'day') {
    const label = formatDay(row.at);
    return html`<div class="day" role="separator" aria-label=${label}>${label}</div>`;
  }
  if (row.kind === 'unread') {
    return html`<div class="unread-line" role="separator" aria-label="New messages">New messages</div>`;
  }
  return messageView(row, ctx, focusable);
}

function messageView({ message, first, pending }, ctx, focusable) {
  const { me, store, ui, on } = ctx;
  const sender = pending ? me : message.sender;
  const name = sender ? sender.display_name || sender.username : 'Deleted user';
  const time = formatTime(message.created_at);
  const mine = pending || (sender && sender.id === me.id);
  const active = ui.activeId === message.id;
  const editing = ui.editingId === message.id;
  const mentioned = !pending && mentionsMe(message, me.id);
  const classes = ['msg', first ? 'first' : '', pending ? (pending.state === 'failed' ? 'failed' : 'pending') : '',
    active ? 'active' : '', ui.highlightId === message.id ? 'highlight' : '', mentioned ? 'mentioned' : ''].join(' ');
  return html`
    <article class=${classes} data-id=${message.id} tabindex=${focusable ? 0 : -1}
      aria-labelledby=${`who-${message.id}`}>
      <div class="gutter">${first ? authorAvatar(message, sender, on) : html`<time datetime=${message.created_at}
        title=${formatFull(message.created_at)}>${time}</time>`}</div>
      ${first ? html`<div class="meta">${sender ? html`<button class="author" type="button" aria-haspopup="dialog"
        tabindex=${focusable ? 0 : -1} data-opener=${`author:${message.id}`}
        @click=${(event) => on.profile(sender, event)}>${name}</button>`
        : html`<span class="author">${name}</span>`}
        <time datetime=${message.created_at} title=${formatFull(message.created_at)}>${time}</time></div>`
        : nothing}
      <span class="sr-only" id=${`who-${message.id}`}>${name}, ${time}${mentioned ? ', mentions you' : ''}</span>
      <div class="content">
        ${message.reply_to ? replyQuote(message, ctx) : nothing}
        ${editing ? editBox(message, ctx) : message.deleted
          ? html`<div class="body deleted">This message was deleted.</div>`
          : message.content ? html`<div class="body" dir="auto">${body(message)}</div>` : nothing}
        ${message.attachments?.length && !message.deleted ? attachments(message, ctx) : nothing}
        ${message.edited_at && !message.deleted ? html`<span class="edited">(edited)</span>` : nothing}
        ${message.reactions?.length ? reactions(message, ctx, focusable) : nothing}
        ${pending ? sendState(pending, on) : nothing}
      </div>
      ${pending || message.deleted || editing ? nothing : actions(message, ctx, { mine, active: focusable })}
    </article>`;
}

/**
 * The author's avatar opens their profile card too; for the mouse only, since the author's name beside it
 * is the same control for the keyboard and screen readers.
 */
function authorAvatar(message, sender, on) {
  return sender ? html`<button class="author-avatar" type="button" tabindex="-1" aria-hidden="true"
    data-opener=${`avatar:${message.id}`} @click=${(event) => on.profile(sender, event)}>${avatar(sender)}</button>`
    : avatar(sender);
}

/** Images the page may show inline (larger ones are a card: fetching them just for a preview is too much). */
export const INLINE_IMAGE_MAX_BYTES = 8 * 1024 * 1024;

export function isInlineImage(file) {
  return /^image\/(png|jpeg|gif|webp|avif|bmp)$/.test(file.content_type ?? '') && file.size_bytes <= INLINE_IMAGE_MAX_BYTES;
}

function attachments(message, ctx) {
  const { on } = ctx;
  return html`<div class="attachments">${message.attachments.map((file) => {
    if (isInlineImage(file)) {
      const url = on.fileUrl(file);
      return html`<button class="attachment-image" type="button" aria-label=${`Open image ${file.name}`}
        @click=${() => on.openImage(file)}>${url ? html`<img src=${url} alt=${file.name}>`
        : html`<span class="image-placeholder" role="img" aria-label=${`${file.name}, loading`}></span>`}</button>`;
    }
    return html`<div class="attachment-card">
      <span class="file-icon" aria-hidden="true">${icon('file')}</span>
      <span class="file-text"><span class="file-name" dir="auto">${file.name}</span>
        <span class="file-meta">${formatBytes(file.size_bytes)} · ${file.content_type}</span></span>
      <button class="button" type="button" @click=${() => on.download(file)}>Download<span class="sr-only">
        ${file.name}</span></button>
    </div>`;
  })}</div>`;
}

function replyQuote(message, ctx) {
  const original = ctx.store.findMessage(message.channel_id, message.reply_to);
  const who = original?.sender ? original.sender.display_name || original.sender.username : null;
  const text = original ? (original.deleted ? 'deleted message' : plainText(original.content, 120))
    : 'an earlier message';
  return html`<button class="reply-quote" type="button" tabindex="-1"
    aria-label=${`In reply to ${who ?? 'a message'}: ${text}`} @click=${() => ctx.on.quoteClick(message.reply_to)}>
    ${icon('reply')}${who ? html`<strong>${who}</strong>` : nothing}<span>${text}</span></button>`;
}

function reactions(message, ctx, active) {
  const meId = ctx.me.id;
  return html`<div class="reactions">${message.reactions.map((reaction) => {
    const mine = reaction.user_ids.includes(meId);
    const names = reaction.user_ids.map((id) => (id === meId ? 'you' : ctx.store.displayName(id)));
    const label = `${reaction.emoji} ${reaction.user_ids.length}: ${names.join(', ')}. `
      + (mine ? 'Remove your reaction' : 'Add your reaction');
    return html`<button class="reaction" type="button" tabindex=${active ? 0 : -1} aria-pressed=${mine}
      aria-label=${label} title=${names.join(', ')} @click=${() => ctx.on.react(message, reaction.emoji)}>
      <span aria-hidden="true">${reaction.emoji}</span><span aria-hidden="true">${reaction.user_ids.length}</span>
    </button>`;
  })}</div>`;
}

function sendState(item, on) {
  if (item.state === 'failed') {
    return html`<div class="send-state" role="alert">Not sent: ${item.error}
      <button class="button" type="button" @click=${() => on.retry(item.client_id)}>Retry</button>
      <button class="button quiet" type="button" @click=${() => on.discard(item.client_id)}>Discard</button>
    </div>`;
  }
  return html`<div class="send-state">${item.code ? 'Waiting to send…' : 'Sending…'}</div>`;
}

function actions(message, ctx, { mine, active }) {
  const { on, store } = ctx;
  const tab = active ? 0 : -1;
  const editable = mine && Date.now() - new Date(message.created_at).getTime() < EDIT_WINDOW_MS;
  const deletable = mine || store.canModerate(message.channel_id);
  return html`<div class="msg-actions" role="toolbar" aria-label="Message actions">
    <button class="icon-button" type="button" tabindex=${tab} aria-label="Add reaction" title="Add reaction"
      @click=${() => on.pickEmoji(message)}>${icon('smile')}</button>
    ${ctx.readOnly ? nothing : html`<button class="icon-button" type="button" tabindex=${tab} aria-label="Reply"
      title="Reply" @click=${() => on.reply(message)}>${icon('reply')}</button>`}
    ${editable && !ctx.readOnly ? html`<button class="icon-button" type="button" tabindex=${tab}
      aria-label="Edit message" title="Edit" @click=${() => on.edit(message)}>${icon('edit')}</button>` : nothing}
    ${deletable && !ctx.readOnly ? html`<button class="icon-button" type="button" tabindex=${tab}
      aria-label="Delete message" title="Delete" @click=${() => on.remove(message)}>${icon('trash')}</button>`
      : nothing}
  </div>`;
}

function editBox(message, ctx) {
  const { on } = ctx;
  const keydown = (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      on.cancelEdit();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      on.saveEdit(message, event.target.value);
    }
  };
  return html`<form class="edit-box" @submit=${(event) => {
    event.preventDefault();
    on.saveEdit(message, event.target.elements.text.value);
  }}>
    <textarea name="text" rows="3" aria-label="Edit message" dir="auto" .value=${message.content}
      @keydown=${keydown}></textarea>
    <div class="row"><button class="button primary" type="submit">Save</button>
      <button class="button quiet" type="button" @click=${on.cancelEdit}>Cancel</button>
      <span>Enter to save · Esc to cancel</span></div>
  </form>`;
}

/** "Ann is typing…", for up to three people. */
export function typingLine(users) {
  const names = users.map((user) => user.display_name || user.username);
  if (names.length === 0) {
    return '';
  }
  if (names.length === 1) {
    return `${names[0]} is typing…`;
  }
  if (names.length <= 3) {
    return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`;
  }
  return 'Several people are typing…';
}

/**
 * Keeps the reader's place across re-renders. Before a render it notes whether the list is at the bottom
 * and which message is at the top of the view; after it, the list sticks to the bottom, or that message is
 * put back exactly where it was (older pages above it and trimmed pages below it do not move the text).
 */
export class ScrollKeeper {
  constructor() {
    this.channelId = null;
    this.atBottom = true;
    this.anchor = null;
    this.left = false;
    this.saved = new Map();
  }

  element() {
    return document.querySelector('.messages');
  }

  before(channelId) {
    const list = this.element();
    if (channelId !== this.channelId) {
      // The channel is being left: note where the reader was, once, while its messages are still shown.
      if (list && this.channelId && !this.left) {
        const atBottom = isAtBottom(list);
        this.saved.set(this.channelId, atBottom ? { atBottom } : { atBottom, ...topVisible(list) });
        this.left = true;
      }
      this.anchor = null;
      return;
    }
    if (!list) {
      return;
    }
    this.atBottom = isAtBottom(list);
    this.anchor = this.atBottom ? null : topVisible(list);
  }

  /**
   * After a render: keeps the place, or, once a channel just opened has its messages, goes to the "new
   * messages" line, to where the reader left it, or to the bottom.
   */
  after(channelId, ready) {
    const list = this.element();
    if (!list) {
      return;
    }
    if (channelId !== this.channelId) {
      if (!ready) {
        return;
      }
      this.channelId = channelId;
      this.left = false;
      const saved = this.saved.get(channelId);
      const unread = list.querySelector('.unread-line');
      if (unread) {
        list.scrollTop = Math.max(0, unread.offsetTop - list.clientHeight / 3);
      } else if (!(saved && !saved.atBottom && this.restore(list, saved))) {
        list.scrollTop = list.scrollHeight;
      }
      this.atBottom = isAtBottom(list);
      return;
    }
    if (this.atBottom) {
      list.scrollTop = list.scrollHeight;
    } else if (this.anchor) {
      this.restore(list, this.anchor);
    }
  }

  restore(list, anchor) {
    if (!anchor.id) {
      return false;
    }
    const element = list.querySelector(`[data-id="${CSS.escape(anchor.id)}"]`);
    if (!element) {
      return false;
    }
    list.scrollTop = element.offsetTop - anchor.offset;
    return true;
  }

  /** The reader scrolled: says where the reader is and whether more pages are wanted. */
  scrolled() {
    const list = this.element();
    if (!list) {
      return { atBottom: true, nearTop: false, nearBottom: true };
    }
    this.atBottom = isAtBottom(list);
    return {
      atBottom: this.atBottom,
      nearTop: list.scrollTop < LOAD_AHEAD_PX,
      nearBottom: list.scrollHeight - list.scrollTop - list.clientHeight < LOAD_AHEAD_PX,
    };
  }

  /** The id of the last stored message the reader can see (for the read cursor), or null. */
  lastVisibleId() {
    const list = this.element();
    if (!list) {
      return null;
    }
    const bottom = list.getBoundingClientRect().bottom;
    const messages = list.querySelectorAll('article.msg');
    for (let i = messages.length - 1; i >= 0; i--) {
      if (messages[i].getBoundingClientRect().top < bottom - 8) {
        for (let j = i; j >= 0; j--) {
          const id = messages[j].dataset.id;
          if (!id.startsWith('local-')) {
            return id;
          }
        }
        return null;
      }
    }
    return null;
  }

  toBottom() {
    const list = this.element();
    if (list) {
      list.scrollTop = list.scrollHeight;
      this.atBottom = true;
    }
  }
}

function isAtBottom(list) {
  return list.scrollHeight - list.scrollTop - list.clientHeight <= BOTTOM_SLACK_PX;
}

function topVisible(list) {
  const top = list.getBoundingClientRect().top;
  for (const element of list.querySelectorAll('article.msg')) {
    const rect = element.getBoundingClientRect();
    if (rect.bottom > top) {
      return { id: element.dataset.id, offset: element.offsetTop - list.scrollTop };
    }
  }
  return null;
}
