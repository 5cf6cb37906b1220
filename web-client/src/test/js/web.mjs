// Test helpers: the packed client's modules by path, and fakes for the browser APIs the core uses.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function load(path) {
  return import(pathToFileURL(join(process.env.WEB_ROOT, path)).href);
}

/** A clock whose timers run only when the test advances time. */
export function fakeClock(start = 1_000_000) {
  let time = start;
  let nextId = 1;
  const timers = new Map();
  return {
    now: () => time,
    setTimer(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: time + ms, fn });
      return id;
    },
    clearTimer(id) {
      timers.delete(id);
    },
    pending() {
      return [...timers.values()].map((timer) => timer.at - time).sort((a, b) => a - b);
    },
    /** Moves time forward, running every timer that falls due, in order. */
    advance(ms) {
      const until = time + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) {
          break;
        }
        timers.delete(due[0]);
        time = due[1].at;
        due[1].fn();
      }
      time = until;
    },
  };
}

/** Storage with the Web Storage interface, in memory. */
export function memoryStorage() {
  const map = new Map();
  return {
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem: (key, value) => map.set(key, String(value)),
    removeItem: (key) => map.delete(key),
    get size() {
      return map.size;
    },
  };
}

/** Resolves once every pending microtask and promise callback has run. */
export function settle() {
  return new Promise((resolve) => setImmediate(resolve));
}
