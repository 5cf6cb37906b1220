// What the user can do, wired to where it happens: REST for loading and for changes that want an answer
// (edit, delete, react, channels), the socket for sending (with local echo through the outbox), typing
// and read cursors. Views call these intents and read the store; they never touch the network.

import { segment } from './api.js';
import { PAGE_SIZE, compareIds } from './store.js';

const TYPING_REPEAT_MS = 3_000;
/** Read cursors go out at most this often per channel (scrolling fires many). */
const MARK_READ_DELAY_MS = 500;

/**
 * @param {{api: any, store: any, realtime: any, outbox: any, viewing?: (channelId: string) => boolean,
 *          onNotice?: (notice: {text: string, kind?: string}) => void, now?: () => number}} deps
 */
export function createChat({ api, store, realtime, outbox, viewing = () => false, onNotice = () => {},
  now = Date.now }) {
  let current = null;
  let subscribed = null;
  /**
   * Counts realtime sessions. Events reach us only while a session is attached, so anything loaded over
   * REST before the current session began may have missed some: it is caught up when the session starts.
   */
  let session = 0;
  /** The session the sidebar was last loaded in (null: not loaded yet). */
  let sidebarSession = null;
  const lastTypingSent = new Map();
  const readTimers = new Map();
  let sidebarLoading = null;

  outbox.onChange((items) => store.setPending(items));
  store.setPending(outbox.items);

  function reportError(error, what) {
    onNotice({ text: what ? `${what}: ${error.message}` : error.message, kind: 'error' });
  }

  async function loadSidebar() {
    if (sidebarLoading) {
      return sidebarLoading;
    }
    sidebarSession = session;
    sidebarLoading = Promise.all([api.get('/api/channels'), api.get('/api/dms'), api.get('/api/channels/unread')])
      .then(([channels, dms, unread]) => store.loadedSidebar({ channels, dms, unread }))
      .finally(() => {
        sidebarLoading = null;
      });
    return sidebarLoading;
  }

  async function loadUnread() {
    try {
      store.loadedUnread(await api.get('/api/channels/unread'));
    } catch {
      // The next event or reload corrects the counts.
    }
  }

  async function loadLatest(channelId) {
    store.loading(channelId, 'latest');
    const startedIn = session;
    try {
      const page = await api.get(`/api/channels/${segment(channelId)}/messages?limit=${PAGE_SIZE}`);
      store.loadedLatest(channelId, page);
      confirmFromHistory(page.messages);
      if (startedIn !== session) {
        // A realtime session began while the page was on its way: what was stored after the page was read
        // and before the session began reached us neither way. (Not "after the newest shown": a live
        // message may already sit above that gap.)
        await catchUp(channelId, page.messages[0]?.id ?? null);
      }
    } catch (error) {
      store.loadFailed(channelId, error);
    }
  }

  /**
   * Messages stored after `afterId` (the newest message known from REST when a realtime session began),
   * fetched because that session cannot have announced them.
   */
  async function catchUp(channelId, afterId) {
    const line = store.state.timelines.get(channelId);
    if (!line || !line.loaded || line.hasNewer) {
      return;
    }
    if (!afterId) {
      await loadLatest(channelId);
      return;
    }
    try {
      const page = await api.get(
        `/api/channels/${segment(channelId)}/messages?after=${segment(afterId)}&limit=${PAGE_SIZE}`);
      store.loadedNewer(channelId, { messages: page.messages, has_more: page.next_after != null });
      confirmFromHistory(page.messages);
    } catch (error) {
      store.loadFailed(channelId, error);
    }
  }

  async function loadMembers(channelId) {
    try {
      store.loadedMembers(channelId, await api.get(`/api/channels/${segment(channelId)}/members`));
    } catch (error) {
      if (error.status !== 404 && error.status !== 403) {
        reportError(error, 'Could not load the members');
      }
    }
  }

  /** History that already holds a message we still show as pending: the server stored it; stop waiting. */
  function confirmFromHistory(messages) {
    const me = store.state.me?.id;
    for (const message of messages) {
      if (message.client_id && message.sender?.id === me) {
        const item = outbox.confirmed(message.client_id);
        if (item) {
          store.confirmedOwn(item, { message_id: message.id, created_at: message.created_at });
        }
      }
    }
  }

  function subscribe(channelId) {
    if (subscribed && subscribed !== channelId) {
      realtime.send({ type: 'unsubscribe', channel_ids: [subscribed] });
    }
    if (channelId && realtime.send({ type: 'subscribe', channel_ids: [channelId] })) {
      subscribed = channelId;
    } else {
      subscribed = null;
    }
  }

  const chat = {
    get current() {
      return current;
    },

    loadSidebar,

    /**
     * First load after signing in. It runs beside the socket's handshake rather than after it; whatever
     * it may miss before the realtime session starts is caught up when it does (see `connected`).
     */
    async start() {
      await loadSidebar();
    },

    /**
     * Shows a channel: from the cache when it has it (instant), fetched otherwise. A page fetched before
     * the realtime session started is caught up from its newest message once it has (see `loadLatest`).
     */
    async open(channelId) {
      current = channelId;
      subscribe(channelId);
      const line = store.state.timelines.get(channelId);
      const tasks = [];
      if (!line || (!line.loaded && line.loading !== 'latest') || line.stale || line.error) {
        tasks.push(loadLatest(channelId));
      }
      if (!store.state.members.has(channelId)) {
        tasks.push(loadMembers(channelId));
      }
      await Promise.all(tasks);
    },

    /** Starts loading a channel's newest messages before it is shown (e.g. the one a link points at). */
    prefetch(channelId) {
      if (!store.state.timelines.has(channelId)) {
        loadLatest(channelId);
      }
    },

    close() {
      current = null;
      subscribe(null);
    },

    /** Shows a channel around one of its messages (loading that part of its history when it is not shown). */
    async openAround(channelId, messageId) {
      current = channelId;
      subscribe(channelId);
      if (store.findMessage(channelId, messageId)) {
        return true;
      }
      store.loading(channelId, 'around');
      try {
        const page = await api.get(`/api/channels/${segment(channelId)}/messages?around=${segment(messageId)}`
          + `&limit=${PAGE_SIZE}`);
        store.loadedAround(channelId, page);
        return page.messages.some((message) => message.id === messageId);
      } catch (error) {
        store.loadFailed(channelId, error);
        return false;
      }
    },

    /** Back to the newest messages (after scrolling far up, or to recover from an error). */
    jumpToLatest(channelId) {
      return loadLatest(channelId);
    },

    async loadOlder(channelId) {
      const line = store.state.timelines.get(channelId);
      if (!line || line.loading || !line.hasOlder || line.messages.length === 0) {
        return;
      }
      store.loading(channelId, 'older');
      try {
        const before = line.messages[0].id;
        store.loadedOlder(channelId, await api.get(
          `/api/channels/${segment(channelId)}/messages?before=${segment(before)}&limit=${PAGE_SIZE}`));
      } catch (error) {
        store.loadFailed(channelId, error);
      }
    },

    async loadNewer(channelId) {
      const line = store.state.timelines.get(channelId);
      if (!line || line.loading || !line.hasNewer || line.messages.length === 0) {
        return;
      }
      store.loading(channelId, 'newer');
      try {
        const after = line.messages[line.messages.length - 1].id;
        const page = await api.get(
          `/api/channels/${segment(channelId)}/messages?after=${segment(after)}&limit=${PAGE_SIZE}`);
        store.loadedNewer(channelId, { messages: page.messages, has_more: page.next_after != null });
      } catch (error) {
        store.loadFailed(channelId, error);
      }
    },

    /**
     * Sends through the outbox: shown at once as pending, confirmed by `message_sent`. A message may be only
     * files (already uploaded: their metadata).
     */
    send(channelId, content, { replyTo = null, files = [] } = {}) {
      const text = content.replace(/\s+$/, '');
      if (!text.trim() && files.length === 0) {
        return null;
      }
      lastTypingSent.delete(channelId);
      return outbox.enqueue({ channelId, content: text.trim() ? text : '', replyTo, files });
    },

    retry(clientId) {
      outbox.retry(clientId);
    },

    discard(clientId) {
      outbox.discard(clientId);
    },

    async edit(message, content) {
      try {
        await api.patch(`/api/messages/${segment(message.id)}`, { content });
        return true;
      } catch (error) {
        reportError(error, 'Not edited');
        return false;
      }
    },

    async remove(message) {
      try {
        await api.delete(`/api/messages/${segment(message.id)}`);
        return true;
      } catch (error) {
        reportError(error, 'Not deleted');
        return false;
      }
    },

    /** Adds or removes our reaction; shown at once, the server's event confirms it for everyone. */
    async toggleReaction(message, emoji) {
      const me = store.state.me.id;
      const mine = (message.reactions ?? []).some((r) => r.emoji === emoji && r.user_ids.includes(me));
      store.apply({ type: mine ? 'reaction_removed' : 'reaction_added', channel_id: message.channel_id,
        message_id: message.id, user_id: me, emoji });
      const path = `/api/messages/${segment(message.id)}/reactions/${segment(emoji)}`;
      try {
        await (mine ? api.delete(path) : api.put(path));
      } catch (error) {
        store.apply({ type: mine ? 'reaction_added' : 'reaction_removed', channel_id: message.channel_id,
          message_id: message.id, user_id: me, emoji });
        reportError(error, 'Reaction not saved');
      }
    },

    /** The user is typing: tells the channel at most every few seconds. */
    typing(channelId) {
      const last = lastTypingSent.get(channelId) ?? 0;
      if (now() - last >= TYPING_REPEAT_MS && realtime.send({ type: 'typing', channel_id: channelId })) {
        lastTypingSent.set(channelId, now());
      }
    },

    stopTyping(channelId) {
      if (lastTypingSent.has(channelId)) {
        lastTypingSent.delete(channelId);
        realtime.send({ type: 'stop_typing', channel_id: channelId });
      }
    },

    /** The user has seen everything up to this message: moves the cursor (batched per half second). */
    markRead(channelId, messageId) {
      const unread = store.unreadOf(channelId);
      if (unread.lastReadId && compareIds(messageId, unread.lastReadId) <= 0) {
        return;
      }
      store.readUpTo(channelId, messageId);
      const waiting = readTimers.get(channelId);
      if (waiting) {
        waiting.messageId = messageId;
        return;
      }
      const entry = { messageId };
      readTimers.set(channelId, entry);
      setTimeout(() => {
        readTimers.delete(channelId);
        const frame = { type: 'mark_read', channel_id: channelId, message_id: entry.messageId };
        if (!realtime.send(frame)) {
          api.post(`/api/channels/${segment(channelId)}/read`, { message_id: entry.messageId })
            .catch(() => { /* the next read moves it further */ });
        }
      }, MARK_READ_DELAY_MS);
    },

    async browse() {
      return api.get('/api/channels/public');
    },

    async join(channelId) {
      const channel = await api.post(`/api/channels/${segment(channelId)}/join`);
      store.addChannel(channel);
      return channel;
    },

    /** The channel's notification level, kept on the server (`all`, `mentions` or `nothing`). */
    async setNotifyLevel(channelId, level) {
      const answer = await api.put(`/api/channels/${segment(channelId)}/notifications`, { level });
      store.setNotifyLevel(channelId, answer.is_default ? null : answer.level);
    },

    async leave(channelId) {
      await api.post(`/api/channels/${segment(channelId)}/leave`);
      store.removeChannel(channelId);
    },

    async createChannel({ name, topic, visibility, kind }) {
      const body = { name, visibility, kind };
      if (topic) {
        body.topic = topic;
      }
      const channel = await api.post('/api/channels', body);
      store.addChannel(channel);
      return channel;
    },

    async updateChannel(channelId, changes) {
      const channel = await api.patch(`/api/channels/${segment(channelId)}`, changes);
      store.addChannel(channel);
      return channel;
    },

    async setArchived(channelId, archived) {
      const channel = await api.post(`/api/channels/${segment(channelId)}/${archived ? 'archive' : 'unarchive'}`);
      store.addChannel(channel);
      return channel;
    },

    async searchUsers(query) {
      const users = await api.get(`/api/users/search?q=${segment(query)}&limit=20`);
      store.rememberUsers(users);
      return users;
    },

    /** Opens (creating on first use) the DM with a user; returns its channel. */
    async openDm(userId) {
      const dm = await api.post('/api/dms', { user_id: userId });
      store.addChannel(dm.channel, dm.other);
      return dm.channel;
    },

    async addMember(channelId, userId) {
      const member = await api.post(`/api/channels/${segment(channelId)}/members`, { user_id: userId });
      store.memberJoined(channelId, member);
      return member;
    },

    async createInvite({ maxUses, expiresInHours }) {
      const body = {};
      if (maxUses) {
        body.max_uses = maxUses;
      }
      if (expiresInHours) {
        body.expires_in_hours = expiresInHours;
      }
      return api.post('/api/admin/invites', body);
    },

    setPresence(status) {
      realtime.send({ type: 'update_presence', status });
    },

    // ---- the socket's side ----

    /**
     * The socket is (again) up. A resumed session missed nothing. A new one may have: the sidebar is
     * reloaded, the open channel caught up from its newest message, other cached channels reloaded when
     * next opened. Then what is unconfirmed in the outbox goes out again.
     */
    async connected({ resumed }) {
      if (current) {
        subscribed = null;
        subscribe(current);
      }
      if (!resumed) {
        session += 1;
        // Noted now, before anything is awaited: live events from here on may add messages above the gap.
        const newestKnown = new Map();
        for (const [id, line] of store.state.timelines) {
          if (line.loaded) {
            newestKnown.set(id, line.messages[line.messages.length - 1]?.id ?? null);
          }
        }
        if (session === 1) {
          // Loaded before the first session of this page (a prefetched channel): caught up below.
          for (const id of newestKnown.keys()) {
            if (id !== current) {
              catchUp(id, newestKnown.get(id));
            }
          }
        } else {
          store.markAllStale(current);
        }
        if (session === 1 && sidebarSession !== null) {
          // The first session of this page: only the counts can have moved since the sidebar loaded (a new
          // channel or DM announces itself with its first event).
          await loadUnread();
        } else if (sidebarSession !== null && sidebarSession < session) {
          await loadSidebar().catch((error) => reportError(error, 'Could not reload'));
        }
        if (current) {
          await (newestKnown.has(current) ? catchUp(current, newestKnown.get(current)) : null);
          await loadMembers(current);
        }
      }
      outbox.connected();
    },

    /** The socket dropped; nothing to do until it is back (the outbox keeps what is unconfirmed). */
    disconnected() {
    },

    /** One event from the socket. */
    receive(event) {
      switch (event.type) {
        case 'message_sent': {
          const item = outbox.confirmed(event.client_id);
          if (item) {
            store.confirmedOwn(item, event);
          }
          return;
        }
        case 'error':
          if (event.client_id) {
            outbox.refused(event.client_id, event.code, event.message);
          } else if (event.code !== 'rate_limited') {
            onNotice({ text: event.message, kind: 'error' });
          }
          return;
        case 'member_joined':
          store.apply(event, { viewing });
          if (event.member.user.id === store.state.me?.id && !store.state.channels.has(event.channel_id)) {
            api.get(`/api/channels/${segment(event.channel_id)}`).then((channel) => store.addChannel(channel),
              () => loadSidebar());
          }
          return;
        case 'new_message':
          if (!store.state.channels.has(event.message.channel_id)) {
            // A DM someone just started with us, or a channel we were added to a moment ago.
            loadSidebar().catch(() => {});
          }
          store.apply(event, { viewing });
          return;
        default:
          store.apply(event, { viewing });
      }
    },
  };
  return chat;
}
