// Telling the user when someone needs them: a desktop notification for a new message the channel's level
// asks for (DMs: every message; channels: mentions, unless the member chose otherwise) while the tab is
// hidden, and a badge on the tab's icon while anything mentions them or a DM waits. Permission for desktop
// notifications is asked only when the user clicks to turn them on: browsers ignore (and remember) a
// prompt nobody asked for.

import { mentionsMe } from '../core/store.js';
import { plainText } from '../core/markdown.js';

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
/** The page's own icon (index.html), kept the first time a badge is drawn on it. */
let plainIcon = null;

/** Puts a red dot with the count on the tab's icon (nothing when the count is 0). */
export function setIconBadge(count) {
  const label = count > 9 ? '9+' : count > 0 ? String(count) : '';
  const link = document.querySelector('link[rel="icon"]');
  if (label === shownBadge || !link) {
    return;
  }
  shownBadge = label;
  plainIcon = plainIcon ?? link.href;
  const dot = label ? `<circle cx='24' cy='8' r='8' fill='%23d92d20'/><text x='24' y='12' font-size='${label.length
    > 1 ? 9 : 12}' font-family='sans-serif' font-weight='700' text-anchor='middle' fill='white'>${label}</text>`
    .replace(/</g, '%3C').replace(/>/g, '%3E') : '';
  // The icon is an SVG data URL: the dot goes just before its closing tag.
  link.href = plainIcon.replace(/%3C\/svg%3E$/i, `${dot}%3C/svg%3E`);
}
