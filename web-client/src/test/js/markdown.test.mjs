import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './web.mjs';

const { parseMarkdown, plainText, safeHref } = await load('core/markdown.js');

/** Every link target in a tree, and every piece of text, flattened. */
function walk(nodes, out = { hrefs: [], text: '' }) {
  for (const node of nodes) {
    if (node.href) {
      out.hrefs.push(node.href);
    }
    if (typeof node.v === 'string') {
      out.text += node.v;
    }
    if (node.c) {
      walk(node.c, out);
    }
    if (node.items) {
      node.items.forEach((item) => walk(item, out));
    }
  }
  return out;
}

test('the usual chat formatting becomes a tree', () => {
  const tree = parseMarkdown('**bold** _it_ `code` ~~gone~~\nnext line');
  assert.deepEqual(tree, [{ t: 'p', c: [
    { t: 'strong', c: [{ t: 'text', v: 'bold' }] }, { t: 'text', v: ' ' },
    { t: 'em', c: [{ t: 'text', v: 'it' }] }, { t: 'text', v: ' ' },
    { t: 'code', v: 'code' }, { t: 'text', v: ' ' },
    { t: 'del', c: [{ t: 'text', v: 'gone' }] }, { t: 'br' }, { t: 'text', v: 'next line' }] }]);
});

test('code blocks, quotes and lists keep their text exactly', () => {
  const tree = parseMarkdown('```js\nif (a < b && c) {}\n```\n\n> quoted\n\n1. one\n2. two\n\n- [x] done');
  assert.deepEqual(tree[0], { t: 'pre', lang: 'js', v: 'if (a < b && c) {}' });
  assert.equal(tree[1].t, 'quote');
  assert.deepEqual(tree[2], { t: 'list', ordered: true, start: 1,
    items: [[{ t: 'p', c: [{ t: 'text', v: 'one' }] }], [{ t: 'p', c: [{ t: 'text', v: 'two' }] }]] });
  assert.equal(walk([tree[3]]).text, '☑ done');
});

test('only http, https and mailto links keep a target', () => {
  const hostile = [
    '[x](javascript:alert(1))', '[x](JAVASCRIPT:alert(1))', '[x]( javascript:alert(1))',
    '[x](data:text/html,<script>alert(1)</script>)', '[x](vbscript:msgbox)', '<javascript:alert(1)>',
    '[x](file:///etc/passwd)', '![x](javascript:alert(1))', '[x](//evil.example/path)',
  ];
  for (const text of hostile) {
    assert.deepEqual(walk(parseMarkdown(text)).hrefs, [], text);
  }
  const fine = walk(parseMarkdown('[a](https://example.com/a?b=1) <http://x.org> me@example.com www.example.org'));
  assert.deepEqual(fine.hrefs, ['https://example.com/a?b=1', 'http://x.org/', 'mailto:me@example.com',
    'http://www.example.org/']);
});

test('raw HTML is kept as the characters typed, never as markup', () => {
  const samples = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
    '<svg><script>alert(1)</script></svg>', '<a href="javascript:alert(1)">x</a>',
    '<div onclick="alert(1)">hi</div>\n\ntext', '<iframe src="https://evil.example"></iframe>'];
  for (const text of samples) {
    const flat = walk(parseMarkdown(text));
    assert.deepEqual(flat.hrefs, [], text);
    assert.ok(flat.text.includes('<'), `the angle brackets of ${text} are shown as text`);
  }
});

test('broken and hostile input never throws and keeps its text', () => {
  const inputs = ['**unclosed', '`', '```', '> > > > >', '[x](', '![', '- ', '\u202Eevil\u202C', '\0', '',
    '*'.repeat(10_000), '['.repeat(5_000) + ']'.repeat(5_000), '> '.repeat(500) + 'deep',
    '- '.repeat(300) + 'deep'];
  for (const input of inputs) {
    assert.doesNotThrow(() => parseMarkdown(input));
  }
  assert.equal(walk(parseMarkdown('**unclosed')).text, '**unclosed');
  assert.ok(walk(parseMarkdown('> '.repeat(500) + 'deep')).text.includes('deep'), 'deep nesting keeps its text');
});

test('a 64 KiB message parses', () => {
  const big = ('word **bold** [link](https://example.com) ').repeat(1_600).slice(0, 65_536);
  const tree = parseMarkdown(big);
  assert.ok(walk(tree).hrefs.length > 1000);
});

test('plain text summary for quotes and announcements', () => {
  assert.equal(plainText('**Hello** _there_\n\n```\ncode\n```'), 'Hello there code');
  assert.equal(plainText('x'.repeat(300), 10), 'xxxxxxxxx…');
});

test('safeHref', () => {
  assert.equal(safeHref('https://a.example/'), 'https://a.example/');
  assert.equal(safeHref('mailto:x@y.z'), 'mailto:x@y.z');
  assert.equal(safeHref('javascript:x'), null);
  assert.equal(safeHref('relative/path'), null);
  assert.equal(safeHref(42), null);
});
