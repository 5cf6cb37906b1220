// W8, the web client as a person feels it, measured in Debian's Chromium through nginx with TLS and HTTP/2.
// Started by the benchmark (bench/.../web/WebBench), which owns the server, nginx and the seeded data and
// answers "TRAFFIC <rate>" lines on stdin/stdout by starting or stopping messages from another user.
// Prints one "RESULT {json}" line at the end.
import { createInterface } from 'node:readline';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = process.env;
const BASE = env.BASE_URL;
const RUNS = Number(env.RUNS ?? 5);
const SAMPLES = Number(env.SAMPLES ?? 20);
const INTERACTION_SECONDS = Number(env.INTERACTION_SECONDS ?? 15);
const TRAFFIC_RATE = Number(env.TRAFFIC_RATE ?? 20);
const channel = (id) => `${BASE}/c/${id}`;

const lines = createInterface({ input: process.stdin });
const answers = [];
lines.on('line', (line) => answers.shift()?.(line));
/** Sends the benchmark one line and waits for its answer (one line). */
function ask(line) {
  return new Promise((resolve) => {
    answers.push(resolve);
    console.log(line);
  });
}

/** Asks the benchmark for background traffic and waits until it says it runs. */
function traffic(rate) {
  return ask(`TRAFFIC ${rate}`);
}

const browser = await chromium.launch({
  executablePath: env.CHROMIUM,
  env: { ...process.env, HOME: env.BROWSER_HOME },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
// In every page: when the first message appears (ms since navigation start), and every interaction's
// duration from input to the next paint (Event Timing, what INP is made of).
await context.addInitScript(() => {
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.interactionId) {
        window.__events.push({ id: entry.interactionId, name: entry.name, duration: entry.duration });
      }
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  const seen = () => {
    if (!window.__firstMessageAt && document.querySelector('article.msg')) {
      window.__firstMessageAt = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
const result = { machineNote: env.MACHINE ?? '' };

// ---- sign in once: the refresh cookie then brings every later load straight to the chat ----
await page.goto(channel(env.GENERAL));
await page.getByLabel('Username').fill(env.USERNAME);
await page.getByLabel('Password').fill(env.PASSWORD);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.locator('article.msg').first().waitFor();

// ---- first load: cold cache and warm cache ----
// Counted from the browser's own network events: what went over the wire (bytes as encoded, headers
// included) and what came from the cache.
await cdp.send('Network.enable');
const network = new Map();
cdp.on('Network.requestWillBeSent', (e) => network.set(e.requestId, { url: e.request.url, cached: false, bytes: 0 }));
cdp.on('Network.requestServedFromCache', (e) => {
  const entry = network.get(e.requestId);
  if (entry) {
    entry.cached = true;
  }
});
cdp.on('Network.responseReceived', (e) => {
  const entry = network.get(e.requestId);
  if (entry) {
    entry.status = e.response.status;
    entry.cached ||= Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache);
  }
});
cdp.on('Network.loadingFinished', (e) => {
  const entry = network.get(e.requestId);
  if (entry) {
    entry.bytes = e.encodedDataLength;
  }
});

async function load({ cold }) {
  if (cold) {
    await cdp.send('Network.clearBrowserCache');
  }
  network.clear();
  await page.goto(channel(env.GENERAL));
  await page.waitForFunction(() => window.__firstMessageAt);
  const firstMessageMs = await page.evaluate(() => window.__firstMessageAt);
  await page.waitForLoadState('networkidle');
  const rows = [...network.values()].filter((row) => row.url.startsWith(BASE));
  const isApi = (row) => new URL(row.url).pathname.startsWith('/api/');
  const fetched = rows.filter((row) => !row.cached);
  const pageRows = fetched.filter((row) => !isApi(row));
  const apiRows = fetched.filter(isApi);
  return {
    firstMessageMs,
    pageRequests: pageRows.length,
    pageBytes: pageRows.reduce((sum, row) => sum + row.bytes, 0),
    apiRequests: apiRows.length,
    apiBytes: apiRows.reduce((sum, row) => sum + row.bytes, 0),
    fromCache: rows.filter((row) => row.cached).length,
    files: rows.filter((row) => !isApi(row)).map((row) => `${row.cached ? 'cache' : row.status} `
      + `${new URL(row.url).pathname.replace(/^\/assets\/[0-9a-f]+\//, '')} ${row.bytes}`),
  };
}

result.cold = [];
result.warm = [];
for (let i = 0; i < RUNS; i++) {
  result.cold.push(await load({ cold: true }));
  result.warm.push(await load({ cold: false }));
}

// ---- channel switch from cache: both channels have been shown, so both are in memory ----
await page.goto(channel(env.GENERAL));
await page.locator('article.msg').first().waitFor();
result.switchMs = await page.evaluate(async ({ ids, samples }) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const times = [];
  const open = async (id) => {
    const link = document.querySelector(`nav a[href="/c/${id}"]`);
    const start = performance.now();
    link.click();
    for (;;) {
      await frame();
      const heading = document.querySelector('main h1');
      if (location.pathname === `/c/${id}` && heading && document.querySelector('.messages article.msg')
        && document.querySelector('.messages').getAttribute('aria-label').endsWith(heading.textContent)) {
        return performance.now() - start;
      }
    }
  };
  await open(ids[1]);
  await open(ids[0]);
  for (let i = 0; i < samples; i++) {
    times.push(await open(ids[(i + 1) % 2]));
  }
  return times;
}, { ids: [env.GENERAL, env.RANDOM], samples: SAMPLES });

// ---- local echo: Enter to the pending message on screen ----
await page.goto(channel(env.RANDOM));
await page.locator('article.msg').first().waitFor();
result.echoMs = await page.evaluate(async (samples) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const area = document.querySelector('.composer textarea');
  const times = [];
  for (let i = 0; i < samples; i++) {
    const text = `echo ${i} ${Math.random().toString(36).slice(2)}`;
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const start = performance.now();
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    for (;;) {
      await frame();
      if ([...document.querySelectorAll('.messages article .body')].some((body) => body.textContent === text)) {
        times.push(performance.now() - start);
        break;
      }
    }
    // Let the confirmation land before the next one, as a person typing would.
    while (document.querySelector('.messages article.pending')) {
      await frame();
    }
  }
  return times;
}, SAMPLES);

// ---- interaction latency while messages arrive ----
await page.goto(channel(env.GENERAL));
await page.locator('article.msg').first().waitFor();
await page.evaluate(() => {
  window.__events = [];
});
const countBefore = await page.locator('.messages article.msg').count();
await traffic(TRAFFIC_RATE);
const until = Date.now() + INTERACTION_SECONDS * 1000;
let interactions = 0;
while (Date.now() < until) {
  await page.getByRole('textbox', { name: /^Message / }).click();
  await page.keyboard.type('typing while it flows', { delay: 40 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox').waitFor();
  await page.keyboard.type('ran', { delay: 40 });
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /^Members/ }).click();
  await page.getByRole('button', { name: /^Members/ }).click();
  interactions += 1;
}
await traffic(0);
result.interactions = await page.evaluate(() => {
  const byId = new Map();
  for (const event of window.__events) {
    byId.set(event.id, Math.max(byId.get(event.id) ?? 0, event.duration));
  }
  return [...byId.values()];
});
result.interactionRounds = interactions;
result.messagesWhileInteracting = (await page.locator('.messages article.msg').count()) - countBefore;

// ---- a 10,000-message channel: to the top and back down, page by page ----
await page.goto(channel(env.BIG));
await page.locator('article.msg').first().waitFor();
async function heapAndNodes() {
  await cdp.send('HeapProfiler.collectGarbage');
  return page.evaluate(() => ({ heapBytes: performance.memory.usedJSHeapSize,
    domNodes: document.getElementsByTagName('*').length,
    messagesInPage: document.querySelectorAll('.messages article.msg').length }));
}
const samples = [await heapAndNodes()];
const walk = async (direction) => page.evaluate(async (dir) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const list = document.querySelector('.messages');
  const edgeText = () => {
    const all = list.querySelectorAll('article.msg .body');
    return (dir === 'up' ? all[0] : all[all.length - 1])?.textContent;
  };
  const before = edgeText();
  list.scrollTop = dir === 'up' ? 0 : list.scrollHeight;
  list.dispatchEvent(new Event('scroll'));
  for (let i = 0; i < 600; i++) {
    await frame();
    if (edgeText() !== before) {
      return true;
    }
    const start = list.querySelector('.history-edge.start');
    if (dir === 'up' && start) {
      return false;
    }
    if (dir === 'down' && !list.querySelector('.history-edge:not(.start)')
      && list.scrollHeight - list.scrollTop - list.clientHeight < 50 && edgeText() === before && i > 30) {
      return false;
    }
  }
  return false;
}, direction);
let pagesUp = 0;
while (await walk('up')) {
  pagesUp += 1;
  if (pagesUp % 25 === 0) {
    samples.push(await heapAndNodes());
  }
}
samples.push(await heapAndNodes());
let pagesDown = 0;
while (await walk('down')) {
  pagesDown += 1;
  if (pagesDown % 25 === 0) {
    samples.push(await heapAndNodes());
  }
}
samples.push(await heapAndNodes());
result.big = { pagesUp, pagesDown, samples,
  reachedStart: await page.locator('.history-edge.start').count() === 0 ? pagesUp > 0 : true,
  newestShown: await page.locator('.messages article.msg .body').last().textContent() };

// ---- a 100 MB file through the composer: how often its progress bar moves, and the server's memory ----
const UPLOAD_BYTES = Number(env.UPLOAD_BYTES ?? 100_000_000);
if (UPLOAD_BYTES > 0) {
  const file = join(tmpdir(), `w8-upload-${process.pid}.bin`);
  await writeFile(file, Buffer.alloc(UPLOAD_BYTES, 0x5a));
  await page.goto(channel(env.RANDOM));
  await page.getByRole('textbox', { name: /^Message / }).waitFor();
  // Every change of the bar's value, by the page's own clock, checked each frame.
  await page.evaluate(() => {
    window.__progress = [];
    const tick = () => {
      const bar = document.querySelector('.uploads progress');
      const last = window.__progress.at(-1);
      if (bar && (!last || last.value !== bar.value)) {
        window.__progress.push({ t: performance.now(), value: bar.value });
      }
      if (!window.__uploadDone) {
        requestAnimationFrame(tick);
      }
    };
    requestAnimationFrame(tick);
  });
  await ask('MEMORY START');
  const chosenAt = await page.evaluate(() => performance.now());
  await page.locator('input.file-input').setInputFiles(file);
  await page.locator('.uploads .upload.done, .uploads .upload.failed').waitFor({ timeout: 600_000 });
  const refused = await page.locator('.uploads .upload-error').allTextContents();
  if (refused.length) {
    throw new Error(`the upload was refused: ${refused.join('; ')}`);
  }
  const doneAt = await page.evaluate(() => performance.now());
  const memory = JSON.parse(await ask('MEMORY STOP'));
  const progress = await page.evaluate(() => {
    window.__uploadDone = true;
    return window.__progress;
  });
  const times = [chosenAt, ...progress.map((entry) => entry.t), doneAt];
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  // Where the longest gap began: the share of the file the bar showed then (null: before the bar appeared).
  const longest = gaps.indexOf(Math.max(...gaps));
  result.upload = { bytes: UPLOAD_BYTES, ms: doneAt - chosenAt, updates: progress.length,
    maxGapMs: gaps[longest], maxGapFrom: longest === 0 ? null : progress[longest - 1].value / UPLOAD_BYTES,
    lastGapMs: gaps.at(-1), serverRssBeforeMiB: memory.rssBeforeMiB, serverPeakGrowthMiB: memory.peakGrowthMiB };
  await page.getByRole('button', { name: /^Remove / }).click();
  await rm(file, { force: true });
}

await browser.close();
lines.close();
console.log('RESULT ' + JSON.stringify(result));
