// Chat Markdown to a small tree of plain objects. marked's lexer reads the text; nothing here (or in the
// view that draws the tree) ever produces an HTML string: every piece of user text ends up as a text
// node, raw HTML in a message is shown as the characters the sender typed, and a link keeps its target
// only when it is http, https or mailto. So there is nothing to sanitise, by construction.

import { Lexer } from 'marked';

/**
 * @typedef {{t: 'text', v: string} | {t: 'br'} | {t: 'code', v: string}
 *   | {t: 'strong'|'em'|'del'|'span', c: Inline[]} | {t: 'link', href: string, c: Inline[]}} Inline
 * @typedef {{t: 'p', c: Inline[]} | {t: 'pre', lang: string, v: string} | {t: 'quote', c: Block[]}
 *   | {t: 'list', ordered: boolean, start: number, items: Block[][]} | {t: 'hr'}} Block
 */

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Deeper nesting than this is flattened to text: a hostile message cannot make the view recurse far. */
const MAX_DEPTH = 12;

const lexer = () => new Lexer({ gfm: true, breaks: true });

/** Parses a message's text. Never throws: text the lexer cannot read is shown as it is. */
export function parseMarkdown(text) {
  try {
    return blocks(lexer().lex(String(text ?? '')), 0);
  } catch {
    return [{ t: 'p', c: [{ t: 'text', v: String(text ?? '') }] }];
  }
}

/** The first line of a message as plain text, for reply quotes, notifications and announcements. */
export function plainText(text, maxChars = 140) {
  const flat = inlineText(parseMarkdown(text)).replace(/\s+/g, ' ').trim();
  return flat.length > maxChars ? flat.slice(0, maxChars - 1) + '…' : flat;
}

/** Returns the href when it is safe to follow (http, https, mailto), else null. */
export function safeHref(href) {
  if (typeof href !== 'string' || href.length > 4096) {
    return null;
  }
  let url;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

function blocks(tokens, depth, opts = {}) {
  const out = [];
  for (const token of tokens ?? []) {
    const block = toBlock(token, depth, opts);
    if (block) {
      out.push(block);
    }
  }
  return out;
}

function toBlock(token, depth, opts = {}) {
  if (depth > MAX_DEPTH) {
    return { t: 'p', c: [{ t: 'text', v: token.raw ?? token.text ?? '' }] };
  }
  switch (token.type) {
    case 'space':
      return null;
    case 'paragraph':
    case 'heading':
      // Headings in chat read as emphasis, not as page structure.
      return token.type === 'heading'
        ? { t: 'p', c: [{ t: 'strong', c: inlines(token.tokens, depth + 1, opts) }] }
        : { t: 'p', c: inlines(token.tokens, depth + 1, opts) };
    case 'text':
      return { t: 'p', c: token.tokens ? inlines(token.tokens, depth + 1, opts) : [{ t: 'text', v: token.text }] };
    case 'code':
      return { t: 'pre', lang: String(token.lang ?? '').slice(0, 32), v: token.text ?? '' };
    case 'blockquote':
      return { t: 'quote', c: blocks(token.tokens, depth + 1, opts) };
    case 'list':
      return {
        t: 'list',
        ordered: Boolean(token.ordered),
        start: Number.isInteger(token.start) ? token.start : 1,
        items: (token.items ?? []).map((item) => listItem(item, depth + 1, opts)),
      };
    case 'hr':
      return { t: 'hr' };
    default:
      // html blocks, tables, definitions and anything new: the characters as typed.
      return { t: 'p', c: [{ t: 'text', v: String(token.raw ?? token.text ?? '').replace(/\n+$/, '') }] };
  }
}

function listItem(item, depth, opts) {
  const content = blocks((item.tokens ?? []).filter((token) => token.type !== 'checkbox'), depth, opts);
  if (item.task) {
    const mark = { t: 'text', v: item.checked ? '☑ ' : '☐ ' };
    if (content[0]?.t === 'p') {
      content[0] = { t: 'p', c: [mark, ...content[0].c] };
    } else {
      content.unshift({ t: 'p', c: [mark] });
    }
  }
  return content;
}

function inlines(tokens, depth, opts = {}) {
  const out = [];
  for (const token of tokens ?? []) {
    const node = toInline(token, depth, opts);
    if (node === null) {
      continue;
    }
    const last = out[out.length - 1];
    if (node.t === 'text' && last && last.t === 'text') {
      last.v += node.v;
    } else {
      out.push(node);
    }
  }
  return out;
}

function toInline(token, depth, opts = {}) {
  if (depth > MAX_DEPTH) {
    return { t: 'text', v: token.raw ?? token.text ?? '' };
  }
  switch (token.type) {
    case 'text':
      return token.tokens ? flattenText(token, depth, opts) : { t: 'text', v: token.text };
    case 'escape':
      return { t: 'text', v: token.text };
    case 'strong':
    case 'em':
    case 'del':
      return { t: token.type, c: inlines(token.tokens, depth + 1, opts) };
    case 'codespan':
      return { t: 'code', v: token.text };
    case 'br':
      return { t: 'br' };
    case 'link': {
      const children = inlines(token.tokens, depth + 1, opts);
      const href = safeHref(token.href);
      if (href) {
        return { t: 'link', href, c: children };
      }
      // Our own documents link to each other and to their sections with relative addresses.
      return opts.relative && isRelative(token.href) ? { t: 'link', href: token.href, rel: true, c: children }
        : { t: 'text', v: token.raw ?? token.text ?? '' };
    }
    case 'image': {
      // No remote images in messages (they would leak who reads what); the picture becomes its link.
      const href = safeHref(token.href);
      const label = token.text || token.href || '';
      return href ? { t: 'link', href, c: [{ t: 'text', v: label }] } : { t: 'text', v: token.raw ?? label };
    }
    default:
      // Inline HTML and anything unknown: shown as typed.
      return { t: 'text', v: token.raw ?? token.text ?? '' };
  }
}

/** A text token that carries its own inline tokens (inside list items): its children, inlined. */
function flattenText(token, depth, opts) {
  const children = inlines(token.tokens, depth + 1, opts);
  return children.length === 1 && children[0].t === 'text' ? { t: 'text', v: children[0].v } : { t: 'span', c: children };
}

function inlineText(nodes) {
  let out = '';
  for (const node of nodes) {
    if (node.t === 'text' || node.t === 'code') {
      out += node.v;
    } else if (node.t === 'pre') {
      out += ' ' + node.v + ' ';
    } else if (node.t === 'br' || node.t === 'hr') {
      out += ' ';
    } else if (node.t === 'list') {
      out += node.items.map((item) => inlineText(item)).join(' ');
    } else if (node.c) {
      out += inlineText(node.c) + (node.t === 'p' || node.t === 'quote' ? ' ' : '');
    }
  }
  return out;
}

// ---- documents (the guides shown at /help): headings, tables, images and relative links too ----

/**
 * @typedef {Block | {t: 'h', depth: number, id: string, c: Inline[]} | {t: 'img', src: string, alt: string}
 *   | {t: 'table', head: Inline[][], rows: Inline[][][]}} DocBlock
 */

/** Parses one of our own Markdown documents. Relative links and images stay relative (`rel: true`). */
export function parseDocument(text) {
  const out = [];
  const slugs = new Map();
  const opts = { relative: true };
  for (const token of lexer().lex(String(text ?? ''))) {
    if (token.type === 'heading') {
      const c = inlines(token.tokens, 0, opts);
      out.push({ t: 'h', depth: token.depth, id: slug(inlineText(c), slugs), c });
    } else if (token.type === 'table') {
      out.push({ t: 'table', head: token.header.map((cell) => inlines(cell.tokens, 0, opts)),
        rows: token.rows.map((row) => row.map((cell) => inlines(cell.tokens, 0, opts))) });
    } else if (token.type === 'paragraph' && token.tokens.some((t) => t.type === 'image')) {
      for (const part of token.tokens) {
        if (part.type === 'image' && isRelative(part.href)) {
          out.push({ t: 'img', src: part.href, alt: part.text ?? '' });
        }
      }
    } else {
      const block = toBlock(token, 0, opts);
      if (block) {
        out.push(block);
      }
    }
  }
  return out;
}

function isRelative(href) {
  return typeof href === 'string' && href.length > 0 && !/^[a-z][a-z0-9+.-]*:/i.test(href)
    && !href.startsWith('//');
}

/** GitHub-style heading anchors: lower case, spaces to dashes, punctuation dropped, repeats numbered. */
function slug(text, seen) {
  const base = text.toLowerCase().trim().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count ? `${base}-${count}` : base;
}

// ---- mentions, as the server reads them (docs/api.md#mentions): `@username` in any case, not right after a
// letter, digit, `_`, `.` or `@` (so an email address mentions nobody), and `@channel` for everyone. The
// server decides who was mentioned and says so in `mentions` / `mentions_channel`; these only find the
// names in text (to mark them) and the one being typed (to complete it).

const MENTION = /(?<![\p{L}\p{N}_@.])@([A-Za-z0-9][A-Za-z0-9_.-]{0,31})/gu;
const CHANNEL_MENTION = 'channel';

/**
 * Cuts text into plain pieces and mentions: `[{text}, {mention: 'bob', raw: '@bob'}, …]`. A sentence's
 * closing dot or dash is not part of the name (`thanks @bob.` names `bob`).
 */
export function splitMentions(text) {
  const value = String(text ?? '');
  if (value.indexOf('@') < 0) {
    return [{ text: value }];
  }
  const parts = [];
  let last = 0;
  for (const match of value.matchAll(MENTION)) {
    const name = match[1].replace(/[.-]+$/, '');
    const start = match.index;
    const end = start + 1 + name.length;
    if (start > last) {
      parts.push({ text: value.slice(last, start) });
    }
    parts.push({ mention: name.toLowerCase(), raw: value.slice(start, end) });
    last = end;
  }
  if (last < value.length) {
    parts.push({ text: value.slice(last) });
  }
  return parts;
}

/**
 * The mention being typed where the caret is, if any: `{start, query}` where `start` is the index of the
 * `@` and `query` what follows it up to the caret (possibly empty).
 */
export function mentionAt(text, caret) {
  const before = String(text ?? '').slice(0, caret);
  const match = /(?:^|[^\p{L}\p{N}_@.])@([A-Za-z0-9_.-]{0,32})$/u.exec(before);
  if (!match) {
    return null;
  }
  return { start: caret - match[1].length - 1, query: match[1].toLowerCase() };
}

/**
 * Completions for a query: people whose username or display name starts with it (usernames first, then by
 * name), then `@channel` when it fits. `people` are user objects; the caller leaves out itself.
 */
export function completions(people, query, limit = 8) {
  const q = String(query ?? '').toLowerCase();
  const scored = [];
  for (const person of people) {
    const username = String(person.username ?? '').toLowerCase();
    const display = String(person.display_name ?? '').toLowerCase();
    const rank = username.startsWith(q) ? 0
      : display.startsWith(q) || display.split(/\s+/).some((word) => word.startsWith(q)) ? 1 : -1;
    if (rank >= 0) {
      scored.push({ person, rank, username });
    }
  }
  scored.sort((a, b) => a.rank - b.rank || a.username.localeCompare(b.username));
  const out = scored.slice(0, limit).map(({ person }) => ({ username: person.username, user: person }));
  if (CHANNEL_MENTION.startsWith(q) && out.length < limit) {
    out.push({ username: CHANNEL_MENTION, user: null });
  }
  return out;
}

/** The text with the mention at `start` (typed up to `caret`) replaced by `@username `; and the new caret. */
export function complete(text, { start }, caret, username) {
  const value = String(text ?? '');
  const insert = `@${username} `;
  const after = value.slice(caret).replace(/^[A-Za-z0-9_.-]*/, '');
  const rest = after.startsWith(' ') ? after.slice(1) : after;
  return { text: value.slice(0, start) + insert + rest, caret: start + insert.length };
}
