// Small pieces every view uses: icons, avatars, presence dots, times and days in the user's own locale.

import { html, svg } from 'lit-html';

const ICON_PATHS = {
  hash: svg`<path d="M5 9h14M5 15h14M10 4 8 20M16 4l-2 16"/>`,
  plus: svg`<path d="M12 5v14M5 12h14"/>`,
  search: svg`<circle cx="11" cy="11" r="6"/><path d="m20 20-4.5-4.5"/>`,
  compass: svg`<circle cx="12" cy="12" r="8"/><path d="m15 9-2 4-4 2 2-4z"/>`,
  message: svg`<path d="M4 5h16v11H9l-5 4z"/>`,
  users: svg`<circle cx="9" cy="8" r="3.2"/><path d="M3 19c.6-3.4 3-5 6-5s5.4 1.6 6 5"/><path d="M15 5.2a3 3 0 0 1 0 5.6M17.5 14.2c1.8.7 3 2.2 3.5 4.8"/>`,
  menu: svg`<path d="M4 7h16M4 12h16M4 17h16"/>`,
  close: svg`<path d="M6 6l12 12M18 6 6 18"/>`,
  smile: svg`<circle cx="12" cy="12" r="8.5"/><path d="M8.5 14.5c1.8 2 5.2 2 7 0"/><path d="M9 9.5h.01M15 9.5h.01" stroke-width="2.6"/>`,
  reply: svg`<path d="M10 8 5 12l5 4"/><path d="M5 12h9a5 5 0 0 1 5 5v1"/>`,
  edit: svg`<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="m13.5 6.5 4 4"/>`,
  trash: svg`<path d="M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12"/>`,
  send: svg`<path d="M4 12 20 4l-6 16-3-7z"/><path d="m11 13 9-9"/>`,
  settings: svg`<circle cx="12" cy="12" r="3"/><path d="M12 3v2.5M12 18.5V21M3 12h2.5M18.5 12H21M5.6 5.6l1.8 1.8M16.6 16.6l1.8 1.8M5.6 18.4l1.8-1.8M16.6 7.4l1.8-1.8"/>`,
  speaker: svg`<path d="M5 10v4h3l5 4V6L8 10z"/><path d="M16.5 9.5a3.5 3.5 0 0 1 0 5"/>`,
  lock: svg`<rect x="6" y="11" width="12" height="9" rx="2"/><path d="M9 11V8a3 3 0 0 1 6 0v3"/>`,
  link: svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>`,
  down: svg`<path d="M12 5v14M6 13l6 6 6-6"/>`,
  keyboard: svg`<rect x="3" y="6" width="18" height="12" rx="2"/><path d="M7 10h.01M11 10h.01M15 10h.01M7 14h10"/>`,
  file: svg`<path d="M7 3h7l5 5v13H7z"/><path d="M14 3v5h5"/>`,
  clip: svg`<path d="m20 12-7.5 7.5a5 5 0 0 1-7-7L13 5a3.5 3.5 0 0 1 5 5l-7.5 7.5a2 2 0 0 1-3-3L14 8"/>`,
  book: svg`<path d="M5 4h9a4 4 0 0 1 4 4v12H9a4 4 0 0 1-4-4z"/><path d="M5 16a4 4 0 0 1 4-4h9"/>`,
  bell: svg`<path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z"/><path d="M10 20a2 2 0 0 0 4 0"/>`,
  'bell-off': svg`<path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z"/><path d="M10 20a2 2 0 0 0 4 0"/><path d="m4 4 16 16"/>`,
  'mic-off': svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21M4 4l16 16"/>`,
};

/** A decorative icon (hidden from screen readers: the control around it carries the name). */
export function icon(name) {
  return html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICON_PATHS[name]}</svg>`;
}

export function initials(name) {
  const words = String(name ?? '?').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

function colourOf(id) {
  let hash = 0;
  for (const char of String(id ?? '')) {
    hash = (hash * 31 + char.codePointAt(0)) >>> 0;
  }
  return `c${hash % 8}`;
}

export function avatar(user, size = '') {
  const name = user?.display_name || user?.username || '?';
  return html`<span class="avatar ${size} ${colourOf(user?.id)}" aria-hidden="true">${initials(name)}</span>`;
}

const PRESENCE_LABEL = { online: 'online', idle: 'away', dnd: 'do not disturb', offline: 'offline' };

export function presenceDot(status) {
  return html`<span class="presence ${status}" role="img" aria-label=${PRESENCE_LABEL[status] ?? 'offline'}></span>`;
}

export function presenceLabel(status) {
  return PRESENCE_LABEL[status] ?? 'offline';
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long',
  year: 'numeric' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

export function formatTime(iso) {
  return timeFormat.format(new Date(iso));
}

export function formatFull(iso) {
  return fullFormat.format(new Date(iso));
}

export function dayKey(iso) {
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** "Today", "Yesterday", or the weekday and date (with the year when it is not this year). */
export function formatDay(iso, now = new Date()) {
  const date = new Date(iso);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const that = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const days = Math.round((today - that) / 86_400_000);
  if (days === 0) {
    return 'Today';
  }
  if (days === 1) {
    return 'Yesterday';
  }
  return (date.getFullYear() === now.getFullYear() ? dayFormat : dayYearFormat).format(date);
}

export function plural(count, one, many = one + 's') {
  return `${count} ${count === 1 ? one : many}`;
}

/** Whether keyboard input is going into a text field (then single-key shortcuts must not fire). */
export function isTyping(target) {
  const element = /** @type {HTMLElement} */ (target);
  return Boolean(element && (element.isContentEditable || element.tagName === 'INPUT'
    || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT'));
}
