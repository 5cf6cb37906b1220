// The guides inside the client (/help/<name>): the same Markdown files as in the repository's docs/, shipped
// with the client and drawn with the same safe renderer (text bindings only), plus what documents need:
// headings with anchors, tables, screenshots, and links between the guides that stay in the client.

import { html, nothing } from 'lit-html';
import { parseDocument } from '../core/markdown.js';
import { icon } from './common.js';

/** The guides listed in the help's menu; any other docs/*.md is reachable through their links. */
const GUIDES = [['user-guide', 'User guide'], ['admin-guide', 'Admin guide']];
const HELP_BASE = new URL('../help/', import.meta.url);
const cache = new Map();

/** Starts loading a guide; the page is drawn again when it is there. */
export function load(app, name) {
  if (cache.has(name)) {
    return;
  }
  cache.set(name, { loading: true });
  fetch(new URL(`${name}.md`, HELP_BASE)).then(async (response) => {
    if (!response.ok) {
      throw new Error(response.status === 404 ? 'There is no such guide.' : `The server answered ${response.status}.`);
    }
    cache.set(name, { tree: parseDocument(await response.text()) });
  }).catch((error) => {
    cache.set(name, { error: error.message });
  }).finally(() => {
    app.redraw();
    if (location.hash) {
      requestAnimationFrame(() => document.getElementById(decodeURIComponent(location.hash.slice(1)))
        ?.scrollIntoView());
    }
  });
}

export function helpView(app, name) {
  load(app, name);
  const doc = cache.get(name) ?? { loading: true };
  return html`<div class="help">
    <header class="help-head">
      <a class="button quiet" href="/" @click=${(event) => app.follow(event, '/')}>${icon('reply')} Back to Chatalot</a>
      <nav aria-label="Guides"><ul>${GUIDES.map(([id, title]) => html`<li><a href=${`/help/${id}`}
        aria-current=${id === name ? 'page' : 'false'} @click=${(event) => app.follow(event, `/help/${id}`)}>${title}</a>
        </li>`)}</ul></nav>
    </header>
    <main class="help-body" id="help">
      ${doc.loading ? html`<p role="status">Loading…</p>` : doc.error
        ? html`<p role="alert">${doc.error}</p>` : doc.tree.map((node) => block(app, node))}
    </main>
  </div>`;
}

function block(app, node) {
  switch (node.t) {
    case 'h':
      return heading(node.depth, node.id, node.c.map((child) => inline(app, child)));
    case 'p':
      return html`<p>${node.c.map((child) => inline(app, child))}</p>`;
    case 'img':
      return html`<img src=${new URL(node.src, HELP_BASE).pathname} alt=${node.alt} loading="lazy">`;
    case 'table':
      return html`<div class="table-wrap"><table>
        <thead><tr>${node.head.map((cell) => html`<th scope="col">${cell.map((c) => inline(app, c))}</th>`)}</tr></thead>
        <tbody>${node.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell.map((c) => inline(app, c))}</td>`)}</tr>`)}</tbody>
      </table></div>`;
    case 'pre':
      return html`<pre tabindex="0"><code>${node.v}</code></pre>`;
    case 'quote':
      return html`<blockquote>${node.c.map((child) => block(app, child))}</blockquote>`;
    case 'list':
      return node.ordered
        ? html`<ol start=${node.start}>${node.items.map((item) => html`<li>${item.map((b) => block(app, b))}</li>`)}</ol>`
        : html`<ul>${node.items.map((item) => html`<li>${item.map((b) => block(app, b))}</li>`)}</ul>`;
    case 'hr':
      return html`<hr>`;
    default:
      return nothing;
  }
}

function heading(depth, id, content) {
  switch (depth) {
    case 1:
      return html`<h1 id=${id}>${content}</h1>`;
    case 2:
      return html`<h2 id=${id}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id}>${content}</h3>`;
    default:
      return html`<h4 id=${id}>${content}</h4>`;
  }
}

function inline(app, node) {
  switch (node.t) {
    case 'text':
      return node.v;
    case 'br':
      return html`<br>`;
    case 'code':
      return html`<code>${node.v}</code>`;
    case 'strong':
      return html`<strong>${node.c.map((c) => inline(app, c))}</strong>`;
    case 'em':
      return html`<em>${node.c.map((c) => inline(app, c))}</em>`;
    case 'del':
      return html`<del>${node.c.map((c) => inline(app, c))}</del>`;
    case 'span':
      return html`${node.c.map((c) => inline(app, c))}`;
    case 'link':
      return node.rel ? relativeLink(app, node) : html`<a href=${node.href} target="_blank"
        rel="noopener noreferrer">${node.c.map((c) => inline(app, c))}</a>`;
    default:
      return nothing;
  }
}

/** `admin-guide.md#section` → /help/admin-guide#section in the client; `#x` → this page; files → the file. */
function relativeLink(app, node) {
  const [file, fragment] = node.href.split('#');
  const content = node.c.map((c) => inline(app, c));
  if (!file) {
    return html`<a href=${`#${fragment}`}>${content}</a>`;
  }
  if (file.endsWith('.md') && !file.includes('/')) {
    const path = `/help/${file.slice(0, -3)}${fragment ? `#${fragment}` : ''}`;
    return html`<a href=${path} @click=${(event) => app.follow(event, path)}>${content}</a>`;
  }
  return html`<a href=${new URL(node.href, HELP_BASE).pathname} target="_blank" rel="noopener">${content}</a>`;
}
