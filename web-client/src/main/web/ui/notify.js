// Telling the user when someone needs them: a desktop notification for a new message the channel's level
// asks for (DMs: every message; channels: mentions, unless the member chose otherwise) while the tab is
// hidden, and a badge on the tab's icon while anything mentions them or a DM waits. Permission for desktop
// notifications is asked only when the user clicks to turn them on: browsers ignore (and remember) a
// prompt nobody asked for.

import { mentionsMe } from '../core/store.js';
import { plainText } from '../core/markdown.js';

const ICON_BODY = "<rect width='32' height='32' rx='8' fill='%234f46e5'/><path d='M8 10h16v10H14l-5 4v-4H8z' fill='white'/>";

/** 'granted', 'denied', 'default' (not asked yet) or 'unsupported' (no Notification API, or not HTTPS). */
export function permission() {
  return typeof Notification === 'function' && isSecureContext ? Notification.permission : 'unsupported';
}

/** Asks for permission; call only from a click. Resolves to the new permission. */
export async function askPermission() {
  if (permission() === 'unsupported') {
    return 'unsupported';
  }
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** Whether a new message should raise a desktop notification, for this level and page state. */
export function wants(message, { meId, level, hidden }) {
  if (!hidden || !message || message.deleted || message.sender?.id === meId) {
    return false;
  }
  if (level === 'all') {
    return true;
  }
  return level === 'mentions' && mentionsMe(message, meId);
}

/**
 * Shows a notification for the message if the user wants one now. `open(channelId, messageId)` runs when
 * the notification is clicked. Notifications of one channel replace each other (one tag per channel).
 */
export function notifyOf(message, { meId, level, where, open }) {
  if (permission() !== 'granted' || !wants(message, { meId, level, hidden: document.visibilityState === 'hidden' })) {
    return null;
  }
  const who = message.sender?.display_name || message.sender?.username || 'Someone';
  const text = message.encryption ? 'Encrypted message' : plainText(message.content, 180)
    || (message.attachments?.length ? `Shared ${message.attachments.length === 1 ? 'a file' : 'files'}` : '');
  let notification;
  try {
    notification = new Notification(where ? `${who} in ${where}` : who, { body: text, tag: message.channel_id });
  } catch {
    // Some browsers (Android Chrome) only notify through a service worker: the badge still tells.
    return null;
  }
  notification.onclick = () => {
    window.focus();
    open(message.channel_id, message.id);
    notification.close();
  };
  return notification;
}

let shownBadge = null;

/** Puts a red dot with the count on the tab's icon (nothing when the count is 0). */
export function setIconBadge(count) {
  const label = count > 9 ? '9+' : count > 0 ? String(count) : '';
  if (label === shownBadge) {
    return;
  }
  shownBadge = label;
  const link = document.querySelector('link[rel="icon"]');
  if (!link) {
    return;
  }
  const dot = label ? `<circle cx='24' cy='8' r='8' fill='%23d92d20'/><text x='24' y='12' font-size='${label.length
    > 1 ? 9 : 12}' font-family='sans-serif' font-weight='700' text-anchor='middle' fill='white'>${label}</text>` : '';
  link.href = `data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E${ICON_BODY}${dot}%3C/svg%3E`
    .replace(/</g, '%3C').replace(/>/g, '%3E');
}
