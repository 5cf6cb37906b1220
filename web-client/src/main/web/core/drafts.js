// What the user was writing in each channel, kept across channel switches and reloads (local storage, per
// user). A draft is only text: pending sends live in the outbox.

const PREFIX = 'chatalot.draft.';
/** Drafts longer than this are not kept (the server refuses messages over 64 KiB anyway). */
const MAX_CHARS = 65_536;

/** @param {{storage?: Storage|null, userId: string}} deps */
export function createDrafts({ storage = null, userId }) {
  const memory = new Map();
  const keyOf = (channelId) => `${PREFIX}${userId}.${channelId}`;

  return {
    get(channelId) {
      if (memory.has(channelId)) {
        return memory.get(channelId);
      }
      const saved = storage?.getItem(keyOf(channelId)) ?? '';
      memory.set(channelId, saved);
      return saved;
    },

    set(channelId, text) {
      memory.set(channelId, text);
      try {
        if (!text || text.length > MAX_CHARS) {
          storage?.removeItem(keyOf(channelId));
        } else {
          storage?.setItem(keyOf(channelId), text);
        }
      } catch {
        // Storage full or disabled: the draft survives channel switches in memory, not a reload.
      }
    },

    clear(channelId) {
      this.set(channelId, '');
    },
  };
}
