// A real two-browser call through the Chatalot server, run by BrowserCallEndToEndIT.
// Two separate headless Chromium processes open the call page, sign in as two users, join one voice channel,
// and must reach connectionState "connected" with inbound RTP bytes growing; then the first leaves and the
// second must see user_left_voice. Prints one line "RESULT {json}" with what was measured.
//
// Input (environment): BASE_URL, CHANNEL_ID, PASSWORD, USERS (JSON list of {username, id}), CHROMIUM.
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(name + ' is not set');
  }
  return value;
};
const BASE_URL = env('BASE_URL');
const CHANNEL_ID = env('CHANNEL_ID');
const PASSWORD = env('PASSWORD');
const USERS = JSON.parse(env('USERS'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Bounds a step that is failing anyway; a busy machine (other builds, stress-ng) must never reach it.
const STEP_TIMEOUT_MS = 45000;

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  // Nothing but 127.0.0.1 is ever looked up: the browser's own services (updates, sign-in, autofill) would
  // otherwise ask the network's DNS server, and this machine may talk to loopback only.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--dns-prefetch-disable',
  // Fake camera and microphone, granted without a prompt.
  '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  // Media between the two browsers stays on 127.0.0.1: gather the loopback candidate (off by default) and
  // no mDNS names (which would mean multicast on the network).
  '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns',
];

// This machine may send traffic only to loopback, so each page uses only the other's 127.0.0.1 candidates.
// The call page itself is unchanged: this filter sits under it, in the test harness.
const LOOPBACK_ONLY = () => {
  const isLoopback = (line) => / (127\.\d+\.\d+\.\d+|::1) \d+ typ /.test(line);
  // Keep every connection reachable for the diagnosis printed when a step fails.
  const Original = window.RTCPeerConnection;
  window.testPeerConnections = [];
  window.RTCPeerConnection = function (...args) {
    const pc = new Original(...args);
    window.testPeerConnections.push(pc);
    return pc;
  };
  window.RTCPeerConnection.prototype = Original.prototype;
  const add = RTCPeerConnection.prototype.addIceCandidate;
  RTCPeerConnection.prototype.addIceCandidate = function (candidate) {
    if (candidate && candidate.candidate && !isLoopback(candidate.candidate)) {
      return Promise.resolve();
    }
    return add.apply(this, arguments);
  };
  const setRemote = RTCPeerConnection.prototype.setRemoteDescription;
  RTCPeerConnection.prototype.setRemoteDescription = function (description) {
    if (description && description.sdp) {
      const sdp = description.sdp.split('\r\n')
          .filter((line) => !line.startsWith('a=candidate:') || isLoopback(line)).join('\r\n');
      return setRemote.call(this, { type: description.type, sdp });
    }
    return setRemote.apply(this, arguments);
  };
};

async function openCallPage(user) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) {
      problems.push(r.status() + ' ' + r.url());
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      problems.push(m.type() + ': ' + m.text());
    }
  });
  await page.addInitScript(LOOPBACK_ONLY);
  await page.goto(BASE_URL + '/call.html');
  await page.fill('#username', user.username);
  await page.fill('#password', PASSWORD);
  await page.click('#sign-in');
  await page.waitForSelector('#status[data-state="ready"]', { timeout: STEP_TIMEOUT_MS });
  await page.selectOption('#channel', CHANNEL_ID);
  return { user, browser, page, problems };
}

/** What the browser's connections looked like, for a failure report. */
async function diagnose(side) {
  return side.page.evaluate(async () => Promise.all(window.testPeerConnections.map(async (pc) => {
    const pairs = [];
    const candidates = [];
    (await pc.getStats()).forEach((r) => {
      if (r.type === 'candidate-pair') {
        pairs.push(r.state + (r.nominated ? '*' : ''));
      } else if (r.type === 'local-candidate' || r.type === 'remote-candidate') {
        candidates.push(r.type[0] + ':' + r.protocol + ':' + r.address + ':' + r.port + ':' + r.candidateType);
      }
    });
    return { connection: pc.connectionState, ice: pc.iceConnectionState, gathering: pc.iceGatheringState,
      signaling: pc.signalingState, pairs, candidates };
  })));
}

const remoteTile = (of) => `#tiles .tile.remote[data-user-id="${of.id}"]`;

async function bytesFrom(side, of) {
  return Number(await side.page.getAttribute(remoteTile(of), 'data-bytes-received'));
}

async function main() {
  const [first, second] = [await openCallPage(USERS[0]), await openCallPage(USERS[1])];
  const result = { users: USERS.map((u) => u.username) };
  try {
    const started = Date.now();
    await first.page.click('#join');
    await second.page.click('#join');
    const connectedAfter = async (side, other) => {
      await side.page.waitForSelector(remoteTile(other) + '[data-connection-state="connected"]',
          { timeout: STEP_TIMEOUT_MS });
      return Date.now() - started;
    };
    const [firstMs, secondMs] = await Promise.all([connectedAfter(first, second.user),
      connectedAfter(second, first.user)]);
    result.msToConnected = { [first.user.username]: firstMs, [second.user.username]: secondMs };

    // Media flowing, not just a connection: inbound RTP bytes must grow on both sides.
    await Promise.all([first, second].map((side) => side.page.waitForFunction(
        (sel) => Number(document.querySelector(sel).dataset.bytesReceived) > 0,
        remoteTile(side === first ? second.user : first.user), { timeout: STEP_TIMEOUT_MS })));
    // Then keeps flowing: wait until each side's count has grown past what it was, however long the
    // machine takes (no fixed pause: a busy machine is slower, not wrong).
    const before = [await bytesFrom(first, second.user), await bytesFrom(second, first.user)];
    await Promise.all([[first, second.user, before[0]], [second, first.user, before[1]]].map(
        ([side, of, was]) => side.page.waitForFunction(
            ([sel, bytes]) => Number(document.querySelector(sel).dataset.bytesReceived) > bytes,
            [remoteTile(of), was], { timeout: STEP_TIMEOUT_MS })));
    const after = [await bytesFrom(first, second.user), await bytesFrom(second, first.user)];
    result.inboundBytes = {
      [first.user.username]: { before: before[0], after: after[0] },
      [second.user.username]: { before: before[1], after: after[1] },
    };

    const leftAt = Date.now();
    await first.page.click('#leave');
    await second.page.waitForSelector(`#events li[data-event="user_left_voice"][data-user-id="${first.user.id}"]`,
        { timeout: STEP_TIMEOUT_MS });
    result.msToUserLeftVoice = Date.now() - leftAt;
    await second.page.waitForSelector(remoteTile(first.user), { state: 'detached', timeout: STEP_TIMEOUT_MS });
    result.tileRemoved = true;
    // The leaver's own page shows "left" once the server's user_left_voice about itself has arrived there;
    // the other page seeing it first says nothing about this one (reading it at once raced that frame).
    await first.page.waitForSelector('#status[data-state="left"]', { timeout: STEP_TIMEOUT_MS });
    result.statusAfterLeave = await first.page.getAttribute('#status', 'data-state');
  } catch (e) {
    result.failure = String(e && e.message ? e.message : e).split('\n')[0];
    result.status = await Promise.all([first, second].map((side) => side.page.textContent('#status')));
    result.events = await Promise.all([first, second].map((side) => side.page.textContent('#events')));
    result.connections = await Promise.all([first, second].map(diagnose));
  } finally {
    result.problems = [...first.problems, ...second.problems];
    await first.browser.close();
    await second.browser.close();
  }
  console.log('RESULT ' + JSON.stringify(result));
}

main().catch((e) => {
  console.log('RESULT ' + JSON.stringify({ failure: String(e && e.stack ? e.stack : e) }));
  process.exitCode = 1;
});
