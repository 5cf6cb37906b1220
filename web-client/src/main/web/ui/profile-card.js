// A colleague's profile card: the small, non-modal card a message author's name or avatar, or a member-list
// entry, opens. Drawn from the store each time, so a `user_updated` shows in an open card at once.

import { html, nothing } from 'lit-html';
import { avatar, presenceDot, presenceLabel } from './common.js';

/** Space kept between the card and the screen's edges, and between the card and what opened it. */
const EDGE_PX = 8;

/** The open card (nothing when none is open); `app.ui.profile` is `{ userId, user, opener }`. */
export function profileCard(app) {
  const { store, ui } = app;
  const shown = ui.profile;
  const user = store.state.users.get(shown.userId) ?? shown.user;
  const name = user.display_name || user.username;
  const status = store.presenceOf(user.id);
  const isMe = user.id === store.state.me?.id;
  const focusLeft = (event) => {
    if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) {
      app.closeProfile();
    }
  };
  return html`<div class="profile-card" role="dialog" aria-label=${name} @focusout=${focusLeft}>
    <div class="profile-head">
      ${avatar(user, 'large')}
      <div class="profile-names">
        <h2 dir="auto">${name}</h2>
        <p class="profile-username">@${user.username}</p>
      </div>
    </div>
    <p class="profile-presence">${presenceDot(status)}<span>${presenceLabel(status)}</span></p>
    ${user.status_text ? html`<p class="profile-status" dir="auto">${user.status_text}</p>` : nothing}
    ${isMe ? html`<a class="button" href="/settings" @click=${(event) => {
      app.closeProfile();
      app.follow(event, '/settings');
    }}>Edit profile</a>`
      : html`<button class="button primary" type="button" @click=${() => {
        app.closeProfile();
        app.startDm(user.id);
      }}>Message ${name}</button>`}
  </div>`;
}

/**
 * Places the card beside what opened it (below it, or above when there is no room below), inside the
 * screen. Custom properties set from script, since the CSP allows no style attributes in the markup.
 */
export function placeProfileCard(card, opener) {
  const width = innerWidth;
  const height = innerHeight;
  const box = card.getBoundingClientRect();
  const anchor = opener?.isConnected ? opener.getBoundingClientRect() : null;
  let left = anchor ? anchor.left : (width - box.width) / 2;
  let top = anchor ? anchor.bottom + EDGE_PX : (height - box.height) / 2;
  if (anchor && top + box.height > height - EDGE_PX) {
    top = anchor.top - EDGE_PX - box.height;
  }
  left = Math.max(EDGE_PX, Math.min(left, width - box.width - EDGE_PX));
  top = Math.max(EDGE_PX, Math.min(top, height - box.height - EDGE_PX));
  card.style.setProperty('--card-left', `${Math.round(left)}px`);
  card.style.setProperty('--card-top', `${Math.round(top)}px`);
}
