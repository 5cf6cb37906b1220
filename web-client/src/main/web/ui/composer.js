// The composer: Enter sends, Shift+Enter starts a new line, IME composition is left alone, ↑ in an empty
// composer edits your last message, the draft is kept per channel, and typing is announced (throttled).

import { html, nothing } from 'lit-html';
import { plainText } from '../core/markdown.js';
import { icon } from './common.js';

/** The composer grows with its text up to this many lines, then scrolls. */
const MAX_ROWS = 12;

/**
 * @param {object} ctx channel id and title, draft text, replyTo (message or null), readOnly, and handlers
 *   on.input(text), on.send(text), on.cancelReply(), on.editLast()
 */
export function composer(ctx) {
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
  const submit = (area) => {
    const text = area.value;
    if (!text.trim()) {
      return;
    }
    on.send(text);
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
      <div class="row">
        <textarea name="message" rows="1" dir="auto" aria-label=${label} placeholder=${label}
          enterkeyhint="send" .value=${ctx.draft}
          @keydown=${keydown} @input=${(event) => {
            grow(event.target);
            on.input(event.target.value);
          }}></textarea>
        <button class="icon-button send" type="submit" aria-label="Send message" title="Send (Enter)">
          ${icon('send')}</button>
      </div>
    </form>
  </div>`;
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
