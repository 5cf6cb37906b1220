// The browser's microphone, camera and speakers for a call: opening them, saying in plain words why that
// failed, listing the devices, and hearing who speaks (an AnalyserNode on each stream). No DOM: the browser
// APIs come in as arguments, so the call controller can be tested under Node with fakes.

/** What the user reads when a call cannot start or a device cannot be used. */
export const INSECURE_TEXT = 'Calls need a secure connection: open Chatalot at its https:// address. Browsers '
  + 'give the microphone and camera only to secure pages.';
export const UNSUPPORTED_TEXT = 'This browser cannot make calls. Use a current Firefox, Chrome, Edge or Safari.';

/**
 * Why opening a device failed, in words the user can act on.
 * @param {any} error what getUserMedia threw
 * @param {'microphone'|'camera'} what
 * @returns {{kind: string, text: string}}
 */
export function mediaProblem(error, what) {
  switch (error?.name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return { kind: 'denied', text: `Chatalot may not use your ${what}. Allow it for this site (the icon at the `
        + 'left of the address bar, or the browser\'s site settings), then try again.' };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return { kind: 'no-device', text: `No ${what} was found. Connect one, then try again.` };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return { kind: 'busy', text: `Your ${what} could not be started: another application may be using it. `
        + 'Close it, then try again.' };
    default:
      return { kind: 'failed', text: `Your ${what} could not be opened${error?.message ? `: ${error.message}` : '.'}` };
  }
}

/** A device that went away (unplugged) is asked for again as "any device of this kind". */
function isMissingDevice(error) {
  return error?.name === 'OverconstrainedError' || error?.name === 'NotFoundError';
}

/** A microphone track (the chosen one when it is still there), with the browser's echo and noise handling. */
export async function openMicrophone(media, deviceId) {
  const base = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
  return (await open(media, 'audio', base, deviceId)).getAudioTracks()[0];
}

/** A camera track at a size a mesh of a few people can carry (every picture goes to every other person). */
export async function openCamera(media, deviceId) {
  const base = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24, max: 30 } };
  return (await open(media, 'video', base, deviceId)).getVideoTracks()[0];
}

async function open(media, kind, base, deviceId) {
  if (deviceId) {
    try {
      return await media.getUserMedia({ [kind]: { ...base, deviceId: { exact: deviceId } } });
    } catch (error) {
      if (!isMissingDevice(error)) {
        throw error;
      }
    }
  }
  return media.getUserMedia({ [kind]: base });
}

/**
 * The devices of each kind, named. Before permission is granted browsers hide the names; they are then
 * numbered so the lists stay usable.
 */
export async function listDevices(media) {
  const lists = { audioinput: [], videoinput: [], audiooutput: [] };
  const names = { audioinput: 'Microphone', videoinput: 'Camera', audiooutput: 'Speaker' };
  let devices = [];
  try {
    devices = await media.enumerateDevices();
  } catch {
    return lists;
  }
  for (const device of devices) {
    const list = lists[device.kind];
    if (list && !list.some((known) => known.id === device.deviceId)) {
      list.push({ id: device.deviceId, label: device.label || `${names[device.kind]} ${list.length + 1}` });
    }
  }
  return lists;
}

/** Level (RMS of the samples) above which a stream counts as someone speaking. */
export const SPEAKING_LEVEL = 0.012;
/** Speech has gaps between words: the indicator stays on this long after the last loud moment. */
export const SPEAKING_HOLD_MS = 450;
const SAMPLE_EVERY_MS = 120;

/**
 * Who is speaking: one AnalyserNode per watched stream, sampled a few times a second. `onChange` runs when
 * someone starts or stops speaking (not on every sample). Without Web Audio, nobody is ever "speaking".
 */
export function createLevels({ AudioContext, onChange, now = Date.now, setTimer = setTimeout,
  clearTimer = clearTimeout }) {
  let context = null;
  let timer = null;
  /** @type {Map<string, {stream: any, source: any, analyser: any, buffer: Float32Array, loudAt: number,
   *   speaking: boolean}>} */
  const watched = new Map();

  function sample() {
    timer = null;
    let flipped = false;
    const at = now();
    for (const entry of watched.values()) {
      entry.analyser.getFloatTimeDomainData(entry.buffer);
      let sum = 0;
      for (const value of entry.buffer) {
        sum += value * value;
      }
      if (Math.sqrt(sum / entry.buffer.length) >= SPEAKING_LEVEL) {
        entry.loudAt = at;
      }
      const speaking = at - entry.loudAt <= SPEAKING_HOLD_MS;
      if (speaking !== entry.speaking) {
        entry.speaking = speaking;
        flipped = true;
      }
    }
    if (watched.size > 0) {
      timer = setTimer(sample, SAMPLE_EVERY_MS);
    }
    if (flipped) {
      onChange();
    }
  }

  return {
    /** Starts listening to the audio of `stream` under `key` (again when the stream changed). */
    watch(key, stream) {
      if (!AudioContext || !stream || stream.getAudioTracks().length === 0) {
        return;
      }
      if (watched.get(key)?.stream === stream) {
        return;
      }
      this.forget(key);
      context = context ?? new AudioContext();
      if (context.state === 'suspended') {
        context.resume().catch(() => {});
      }
      const source = context.createMediaStreamSource(stream);
      const analyser = context.createAnalyser();
      analyser.fftSize = 512;
      source.connect(analyser);
      watched.set(key, { stream, source, analyser, buffer: new Float32Array(analyser.fftSize), loudAt: -Infinity,
        speaking: false });
      if (timer === null) {
        timer = setTimer(sample, SAMPLE_EVERY_MS);
      }
    },
    forget(key) {
      const entry = watched.get(key);
      if (entry) {
        entry.source.disconnect();
        watched.delete(key);
      }
    },
    isSpeaking(key) {
      return watched.get(key)?.speaking ?? false;
    },
    close() {
      for (const key of [...watched.keys()]) {
        this.forget(key);
      }
      if (timer !== null) {
        clearTimer(timer);
        timer = null;
      }
      context?.close().catch(() => {});
      context = null;
    },
  };
}

/**
 * The columns, rows and tile size that show `count` tiles of the given aspect ratio as large as possible in
 * a box of `width` × `height` with `gap` between them.
 */
export function fitTiles(count, width, height, { gap = 8, aspect = 16 / 9 } = {}) {
  let best = { cols: 1, rows: 1, width: 0, height: 0 };
  if (count <= 0 || width <= 0 || height <= 0) {
    return best;
  }
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    const cellWidth = (width - gap * (cols - 1)) / cols;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) {
      continue;
    }
    const tileWidth = Math.min(cellWidth, cellHeight * aspect);
    if (tileWidth > best.width) {
      best = { cols, rows, width: Math.floor(tileWidth), height: Math.floor(tileWidth / aspect) };
    }
  }
  return best;
}
