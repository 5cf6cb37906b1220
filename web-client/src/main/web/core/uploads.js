// Files on their way to the server: one multipart POST each (XMLHttpRequest, for its upload progress),
// two at a time, each cancellable, each refused in the server's own words (too large with the limit, a
// refused type, the quota with the usage). Loaded the first time someone attaches a file. No DOM.

import { CLIENT_HEADER, CLIENT_NAME, formatBytes } from './api.js';

const AT_ONCE = 2;
let counter = 0;

/**
 * @param {{xhr: () => XMLHttpRequest, accessToken: () => Promise<string|null>,
 *          onChange?: (items: object[]) => void, maxBytes?: () => number|null}} deps
 *   `maxBytes` is the server's current per-file limit (checked before sending, so a file far over it is
 *   refused at once instead of after minutes of upload; the server checks again in any case).
 */
export function createUploads({ xhr, accessToken, onChange = () => {}, maxBytes = () => null }) {
  /** @type {Array<{id: string, channelId: string, file: Blob & {name?: string}, name: string, size: number,
   *   type: string, state: 'waiting'|'uploading'|'done'|'failed'|'cancelled', loaded: number,
   *   error: string|null, result: object|null, request: XMLHttpRequest|null, updatedAt: number}>} */
  let items = [];

  function changed() {
    onChange(items);
  }

  function update(item, changes) {
    Object.assign(item, changes, { updatedAt: Date.now() });
    items = items.slice();
    changed();
  }

  function pump() {
    let running = items.filter((item) => item.state === 'uploading').length;
    for (const item of items) {
      if (running >= AT_ONCE) {
        return;
      }
      if (item.state === 'waiting') {
        running += 1;
        start(item);
      }
    }
  }

  async function start(item) {
    update(item, { state: 'uploading', loaded: 0 });
    const token = await accessToken().catch(() => null);
    if (item.state !== 'uploading') {
      return;
    }
    const request = xhr();
    item.request = request;
    request.open('POST', `/api/files?channel_id=${encodeURIComponent(item.channelId)}`);
    if (token) {
      request.setRequestHeader('Authorization', `Bearer ${token}`);
    }
    request.setRequestHeader(CLIENT_HEADER, CLIENT_NAME);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && item.state === 'uploading') {
        update(item, { loaded: Math.min(event.loaded, item.size) });
      }
    };
    request.onload = () => {
      item.request = null;
      if (request.status === 201) {
        update(item, { state: 'done', loaded: item.size, result: JSON.parse(request.responseText) });
      } else {
        update(item, { state: 'failed', error: refusal(request.status, request.responseText) });
      }
      pump();
    };
    request.onerror = () => {
      item.request = null;
      update(item, { state: 'failed', error: 'The upload was interrupted: check your connection and try again.' });
      pump();
    };
    request.onabort = () => {
      item.request = null;
      pump();
    };
    const form = new FormData();
    form.append('file', item.file, item.name);
    request.send(form);
  }

  return {
    get items() {
      return items;
    },

    /** Queues files for a channel; returns the new items. Files over the known limit fail at once. */
    add(files, channelId) {
      const limit = maxBytes();
      const added = [...files].map((file) => ({
        id: `u${++counter}`, channelId, file, name: file.name || 'pasted file', size: file.size,
        type: file.type || '', state: limit && file.size > limit ? 'failed' : 'waiting', loaded: 0,
        error: limit && file.size > limit ? `${file.name || 'This file'} is ${formatBytes(file.size)}; the `
          + `limit is ${formatBytes(limit)} per file.` : null, result: null, request: null, updatedAt: Date.now(),
      }));
      items = [...items, ...added];
      changed();
      pump();
      return added;
    },

    cancel(id) {
      const item = items.find((candidate) => candidate.id === id);
      if (!item) {
        return;
      }
      if (item.state === 'uploading' || item.state === 'waiting') {
        update(item, { state: 'cancelled' });
        item.request?.abort();
      }
      items = items.filter((candidate) => candidate !== item);
      changed();
      pump();
    },

    /** The uploads of a channel, in the order they were added. */
    of(channelId) {
      return items.filter((item) => item.channelId === channelId);
    },

    /** Takes the finished uploads of a channel out (they go with the message being sent). */
    take(channelId) {
      const done = items.filter((item) => item.channelId === channelId && item.state === 'done');
      items = items.filter((item) => !done.includes(item));
      changed();
      return done.map((item) => item.result);
    },

    busy(channelId) {
      return items.some((item) => item.channelId === channelId
        && (item.state === 'uploading' || item.state === 'waiting'));
    },
  };
}

/** The server's refusal in its own words, with the figures it gives. */
export function refusal(status, body) {
  try {
    const error = JSON.parse(body).error;
    if (error && error.message) {
      return error.message;
    }
  } catch {
    // not JSON: a proxy's page
  }
  if (status === 413) {
    return 'The file is larger than this server accepts.';
  }
  if (status === 0 || status === 502 || status === 503 || status === 504) {
    return 'The server is unavailable right now. Try again in a moment.';
  }
  return `The upload was refused (${status}).`;
}
