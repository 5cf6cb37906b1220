// The client's one source of truth. REST answers and WebSocket events go in; views read it and re-render.
// Objects are replaced, never changed in place, when what they show changes, so a view can tell by
// identity whether it must draw something again.

export const PAGE_SIZE = 50;
/** A channel keeps at most this many messages in memory; the far end is dropped as the user scrolls. */
export const WINDOW_MAX = 250;
/** Channels whose messages stay cached for an instant switch back (least recently opened dropped). */
export const CACHED_TIMELINES = 16;
const TYPING_EXPIRES_MS = 10_000;

/**
 * Whether this message mentions the user `meId` (named, or `@channel` by someone else), as the server
 * recorded it (docs/api.md#mentions).
 */
export function mentionsMe(message, meId) {
  if (!message || !meId || message.deleted) {
    return false;
  }
  if (Array.isArray(message.mentions) && message.mentions.includes(meId)) {
    return true;
  }
  return Boolean(message.mentions_channel) && message.sender?.id !== meId;
}

/** Ids are UUIDv7 strings: comparing them as strings compares their creation times. */
export const compareIds = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export function createStore({ now = Date.now } = {}) {
  const state = {
    me: null,
    connection: { status: 'idle', since: now() },
    /** @type {Map<string, object>} joined channels and DMs (kind 'dm'), by id */
    channels: new Map(),
    /** @type {Map<string, object>} the other person of each DM, by channel id */
    dmOther: new Map(),
    /** @type {Map<string, object>} every user we know of, by id */
    users: new Map(),
    /** @type {Map<string, string>} status of users who are not offline */
    presence: new Map(),
    /** @type {Map<string, {count: number, mentions: number, level: string|null, lastReadId: string|null,
     *   lastMessageId: string|null}>} unread messages, of them mentioning us, notification level */
    unread: new Map(),
    /** @type {Map<string, Map<string, object>>} channel id → user id → member */
    members: new Map(),
    /** @type {Map<string, object>} channel id → timeline */
    timelines: new Map(),
    /** @type {Map<string, Map<string, number>>} channel id → user id → expiry time */
    typing: new Map(),
    /**
     * @type {Map<string, {sessionId: string, participants: string[], muted: string[], camera: string[]}>}
     * channel id → the call going on in it (from voice_state_update)
     */
    voice: new Map(),
    /** outbox items not yet confirmed */
    pending: [],
    loaded: false,
  };
  const listeners = new Set();
  let notifyScheduled = false;
  let version = 0;

  function changed() {
    version += 1;
    if (notifyScheduled) {
      return;
    }
    notifyScheduled = true;
    queueMicrotask(() => {
      notifyScheduled = false;
      for (const listener of listeners) {
        listener(state, version);
      }
    });
  }

  function rememberUser(user) {
    if (!user || !user.id) {
      return;
    }
    const known = state.users.get(user.id);
    // A sender (id, username, display name only) leaves a known status text as it is.
    if (!known || known.display_name !== user.display_name || known.username !== user.username
      || ('status_text' in user && known.status_text !== user.status_text)) {
      state.users.set(user.id, { ...known, ...user });
    }
  }

  /**
   * Someone's new public profile (`user_updated`): every copy the views draw from takes the new name and
   * status text, each copy replaced so views keyed by identity (message rows) draw it again.
   */
  function applyProfile(user) {
    const shown = { username: user.username, display_name: user.display_name, status_text: user.status_text ?? null };
    state.users.set(user.id, { ...state.users.get(user.id), ...user, ...shown });
    if (state.me && state.me.id === user.id) {
      state.me = { ...state.me, ...shown };
    }
    for (const [channelId, members] of state.members) {
      const member = members.get(user.id);
      if (member) {
        state.members.set(channelId, new Map(members).set(user.id, { ...member, user: { ...member.user, ...shown } }));
      }
    }
    for (const [channelId, other] of state.dmOther) {
      if (other && other.id === user.id) {
        state.dmOther.set(channelId, { ...other, ...shown });
      }
    }
    const renamed = (message) => (message.sender?.id === user.id && (message.sender.display_name !== shown.display_name
      || message.sender.username !== shown.username)
      ? { ...message, sender: { ...message.sender, username: shown.username, display_name: shown.display_name } }
      : message);
    for (const [channelId, line] of state.timelines) {
      if (line.messages.some((message) => renamed(message) !== message)) {
        state.timelines.set(channelId, { ...line, messages: line.messages.map(renamed),
          arrivedWhileLoading: line.arrivedWhileLoading?.map(renamed) });
      }
    }
  }

  function timeline(channelId) {
    let line = state.timelines.get(channelId);
    if (!line) {
      line = { channelId, messages: [], hasOlder: true, hasNewer: false, loading: null, loaded: false, error: null,
        stale: false, openedAt: 0 };
      state.timelines.set(channelId, line);
    }
    return line;
  }

  function replaceTimeline(channelId, changes) {
    const next = { ...timeline(channelId), ...changes };
    state.timelines.set(channelId, next);
    return next;
  }

  /** Inserts or replaces messages (by id) keeping id order; returns the new array. */
  function merge(messages, incoming) {
    if (incoming.length === 0) {
      return messages;
    }
    const byId = new Map(messages.map((message) => [message.id, message]));
    for (const message of incoming) {
      byId.set(message.id, message);
      rememberUser(message.sender);
    }
    return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  }

  function updateMessage(channelId, messageId, update) {
    const line = state.timelines.get(channelId);
    if (!line) {
      return false;
    }
    const index = line.messages.findIndex((message) => message.id === messageId);
    if (index < 0) {
      return false;
    }
    const messages = line.messages.slice();
    messages[index] = update(messages[index]);
    state.timelines.set(channelId, { ...line, messages });
    return true;
  }

  function unreadOf(channelId) {
    return state.unread.get(channelId) ?? { count: 0, mentions: 0, level: null, lastReadId: null, lastMessageId: null };
  }

  /** An entry of GET /api/channels/unread as the store keeps it. */
  function unreadEntry(entry) {
    return { count: entry.unread_count, mentions: entry.mention_count ?? 0, level: entry.notify_level ?? null,
      lastReadId: entry.last_read_message_id, lastMessageId: entry.last_message_id };
  }

  function setUnread(channelId, changes) {
    state.unread.set(channelId, { ...unreadOf(channelId), ...changes });
  }

  function dropChannel(channelId) {
    state.channels.delete(channelId);
    state.dmOther.delete(channelId);
    state.unread.delete(channelId);
    state.members.delete(channelId);
    state.timelines.delete(channelId);
    state.typing.delete(channelId);
    state.voice.delete(channelId);
  }

  function evictTimelines(keep) {
    if (state.timelines.size <= CACHED_TIMELINES) {
      return;
    }
    const byAge = [...state.timelines.values()].filter((line) => line.channelId !== keep)
      .sort((a, b) => a.openedAt - b.openedAt);
    for (const line of byAge.slice(0, state.timelines.size - CACHED_TIMELINES)) {
      state.timelines.delete(line.channelId);
    }
  }

  const store = {
    state,
    get version() {
      return version;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    // ---- loading (REST answers) ----

    setMe(user) {
      state.me = user;
      rememberUser(user);
      changed();
    },

    setConnection(connection) {
      state.connection = connection;
      changed();
    },

    /** The whole sidebar at once: joined channels, DMs with their other person, and unread counts. */
    loadedSidebar({ channels, dms, unread }) {
      const keepTimelines = new Set(state.timelines.keys());
      state.channels = new Map();
      state.dmOther = new Map();
      for (const channel of channels) {
        state.channels.set(channel.id, channel);
      }
      for (const dm of dms) {
        state.channels.set(dm.channel.id, dm.channel);
        state.dmOther.set(dm.channel.id, dm.other);
        rememberUser(dm.other);
      }
      state.unread = new Map();
      for (const entry of unread) {
        state.unread.set(entry.channel_id, unreadEntry(entry));
      }
      for (const id of keepTimelines) {
        if (!state.channels.has(id)) {
          state.timelines.delete(id);
        }
      }
      state.loaded = true;
      changed();
    },

    /** Fresh unread counts (after the realtime session started, events keep them current). */
    loadedUnread(unread) {
      for (const entry of unread) {
        state.unread.set(entry.channel_id, unreadEntry(entry));
      }
      changed();
    },

    addChannel(channel, other = null) {
      state.channels.set(channel.id, channel);
      if (other) {
        state.dmOther.set(channel.id, other);
        rememberUser(other);
      }
      changed();
    },

    removeChannel(channelId) {
      dropChannel(channelId);
      changed();
    },

    loadedMembers(channelId, members) {
      const map = new Map();
      for (const member of members) {
        map.set(member.user.id, member);
        rememberUser(member.user);
      }
      state.members.set(channelId, map);
      changed();
    },

    rememberUsers(users) {
      users.forEach(rememberUser);
      changed();
    },

    /** Marks a timeline as loading at one end (or for the first time). */
    loading(channelId, which) {
      replaceTimeline(channelId, { loading: which, error: null, openedAt: now() });
      evictTimelines(channelId);
      changed();
    },

    loadFailed(channelId, error) {
      replaceTimeline(channelId, { loading: null, error });
      changed();
    },

    /**
     * The newest page: replaces the window (a fresh start at the bottom of the channel), keeping what
     * arrived live while the page was on its way (the page may have been read before it was stored).
     */
    loadedLatest(channelId, page) {
      const line = timeline(channelId);
      const messages = merge(merge([], page.messages), line.arrivedWhileLoading ?? []);
      replaceTimeline(channelId, { messages, hasOlder: page.next_before !== null, hasNewer: false, loading: null,
        loaded: true, error: null, stale: false, arrivedWhileLoading: [] });
      changed();
    },

    /** A page around one message (a reply's original, a search result): the window is that page. */
    loadedAround(channelId, page) {
      const messages = merge([], page.messages);
      replaceTimeline(channelId, { messages, hasOlder: page.next_before !== null, hasNewer: page.next_after !== null,
        loading: null, loaded: true, error: null, stale: false, arrivedWhileLoading: [] });
      changed();
    },

    /** An older page was loaded above the window; the newest end is dropped past WINDOW_MAX. */
    loadedOlder(channelId, page) {
      const line = timeline(channelId);
      let messages = merge(line.messages, page.messages);
      let hasNewer = line.hasNewer;
      if (messages.length > WINDOW_MAX) {
        messages = messages.slice(0, WINDOW_MAX);
        hasNewer = true;
      }
      replaceTimeline(channelId, { messages, hasOlder: page.next_before !== null, hasNewer, loading: null });
      changed();
    },

    /** A newer page was loaded below the window; the oldest end is dropped past WINDOW_MAX. */
    loadedNewer(channelId, page) {
      const line = timeline(channelId);
      let messages = merge(line.messages, page.messages);
      let hasOlder = line.hasOlder;
      if (messages.length > WINDOW_MAX) {
        messages = messages.slice(messages.length - WINDOW_MAX);
        hasOlder = true;
      }
      replaceTimeline(channelId, { messages, hasOlder, hasNewer: page.has_more === true, loading: null });
      changed();
    },

    /** After a new realtime session: what is cached may have missed events (`except` is caught up instead). */
    markAllStale(except = null) {
      for (const [id, line] of state.timelines) {
        if (id !== except) {
          state.timelines.set(id, { ...line, stale: true });
        }
      }
      state.typing = new Map();
      // A new session is told every call going on right after it authenticates.
      state.voice = new Map();
      changed();
    },

    // ---- the outbox, mirrored for the views ----

    setPending(items) {
      state.pending = items.slice();
      changed();
    },

    /** Our own message is stored: it joins the timeline in its place (unless history brought it first). */
    confirmedOwn(item, sent) {
      const line = state.timelines.get(item.channel_id);
      if (line && !line.hasNewer) {
        const message = { id: sent.message_id, channel_id: item.channel_id, sender: state.me ? {
          id: state.me.id, username: state.me.username, display_name: state.me.display_name } : null,
        content: item.content, encryption: null, reply_to: item.reply_to ?? null, created_at: sent.created_at,
        edited_at: null, deleted: false, reactions: [], attachments: item.files ?? [], client_id: item.client_id };
        if (!line.messages.some((existing) => existing.id === message.id)) {
          state.timelines.set(item.channel_id, { ...line, messages: merge(line.messages, [message]) });
        }
      }
      setUnread(item.channel_id, { lastMessageId: sent.message_id });
      changed();
    },

    // ---- realtime events ----

    /**
     * One server event. `viewing(channelId)` says whether the user is looking at the bottom of that
     * channel right now (then a new message does not count as unread).
     */
    apply(event, { viewing = () => false } = {}) {
      switch (event.type) {
        case 'new_message':
          this.newMessage(event.message, viewing(event.message.channel_id));
          return;
        case 'message_edited':
          if (updateMessage(event.message.channel_id, event.message.id, () => event.message)) {
            changed();
          }
          return;
        case 'message_deleted':
          if (updateMessage(event.channel_id, event.message_id, (message) => ({ ...message, deleted: true,
            content: '', attachments: [], reactions: [] }))) {
            changed();
          }
          return;
        case 'reaction_added':
        case 'reaction_removed':
          if (updateMessage(event.channel_id, event.message_id, (message) =>
            withReaction(message, event.emoji, event.user_id, event.type === 'reaction_added'))) {
            changed();
          }
          return;
        case 'user_typing':
          this.typing(event.channel_id, event.user_id, true);
          return;
        case 'user_stopped_typing':
          this.typing(event.channel_id, event.user_id, false);
          return;
        case 'read_receipt':
          if (state.me && event.user_id === state.me.id) {
            this.readUpTo(event.channel_id, event.message_id);
          }
          return;
        case 'presence_update':
          setPresence(event.user_id, event.status);
          changed();
          return;
        case 'presence_bulk':
          state.presence = new Map();
          for (const entry of event.users ?? []) {
            setPresence(entry.user_id, entry.status);
          }
          changed();
          return;
        case 'channel_updated':
          if (event.channel.deleted) {
            dropChannel(event.channel.id);
          } else if (state.channels.has(event.channel.id)) {
            state.channels.set(event.channel.id, { ...state.channels.get(event.channel.id), ...event.channel });
          }
          changed();
          return;
        case 'member_joined':
          this.memberJoined(event.channel_id, event.member);
          return;
        case 'user_updated':
          if (event.user?.id) {
            applyProfile(event.user);
            changed();
          }
          return;
        case 'notify_setting_changed':
          this.setNotifyLevel(event.setting.channel_id, event.setting.is_default ? null : event.setting.level);
          return;
        case 'member_updated': {
          const members = state.members.get(event.channel_id);
          if (members) {
            members.set(event.member.user.id, event.member);
            state.members.set(event.channel_id, new Map(members));
          }
          rememberUser(event.member.user);
          changed();
          return;
        }
        case 'member_left':
          if (state.me && event.user_id === state.me.id) {
            dropChannel(event.channel_id);
          } else {
            const members = state.members.get(event.channel_id);
            if (members && members.delete(event.user_id)) {
              state.members.set(event.channel_id, new Map(members));
            }
            const channel = state.channels.get(event.channel_id);
            if (channel && typeof channel.member_count === 'number') {
              state.channels.set(event.channel_id, { ...channel, member_count: Math.max(0, channel.member_count - 1) });
            }
          }
          changed();
          return;
        case 'voice_state_update':
          if (event.participants?.length) {
            state.voice.set(event.channel_id, { sessionId: event.session_id, participants: event.participants,
              muted: event.muted ?? [], camera: event.camera ?? [] });
          } else {
            state.voice.delete(event.channel_id);
          }
          changed();
          return;
        default:
          // Call signaling, errors and anything newer than this client: handled elsewhere or ignored.
          return;
      }
    },

    newMessage(message, isViewing) {
      rememberUser(message.sender);
      const channelId = message.channel_id;
      const line = state.timelines.get(channelId);
      if (line && line.loading === 'latest') {
        state.timelines.set(channelId, { ...line, arrivedWhileLoading: [...(line.arrivedWhileLoading ?? []), message] });
      } else if (line && line.loaded && !line.hasNewer) {
        state.timelines.set(channelId, { ...line, messages: merge(line.messages, [message]) });
      }
      const typing = state.typing.get(channelId);
      if (typing && message.sender && typing.delete(message.sender.id)) {
        state.typing.set(channelId, new Map(typing));
      }
      const fromMe = state.me && message.sender && message.sender.id === state.me.id;
      const unread = unreadOf(channelId);
      if (fromMe || isViewing) {
        setUnread(channelId, { lastMessageId: message.id });
      } else if (!unread.lastMessageId || compareIds(message.id, unread.lastMessageId) > 0) {
        setUnread(channelId, { count: unread.count + 1, lastMessageId: message.id,
          mentions: unread.mentions + (mentionsMe(message, state.me?.id) ? 1 : 0) });
      }
      changed();
    },

    memberJoined(channelId, member) {
      rememberUser(member.user);
      const members = state.members.get(channelId);
      if (members) {
        members.set(member.user.id, member);
        state.members.set(channelId, new Map(members));
      }
      const channel = state.channels.get(channelId);
      if (channel && typeof channel.member_count === 'number' && !(members && members.size === channel.member_count)) {
        state.channels.set(channelId, { ...channel, member_count: channel.member_count + 1 });
      }
      changed();
    },

    /** Our read cursor moved (here or in another tab). */
    readUpTo(channelId, messageId) {
      const unread = unreadOf(channelId);
      if (unread.lastReadId && compareIds(messageId, unread.lastReadId) <= 0) {
        return;
      }
      let count = 0;
      let mentions = 0;
      if (unread.lastMessageId && compareIds(messageId, unread.lastMessageId) < 0) {
        const line = state.timelines.get(channelId);
        const meId = state.me?.id;
        const after = line ? line.messages.filter((message) => compareIds(message.id, messageId) > 0
          && message.sender?.id !== meId) : null;
        count = after ? after.length : unread.count;
        mentions = after ? after.filter((message) => mentionsMe(message, meId)).length : unread.mentions;
      }
      setUnread(channelId, { lastReadId: messageId, count, mentions });
      changed();
    },

    typing(channelId, userId, isTyping) {
      if (state.me && userId === state.me.id) {
        return;
      }
      const typing = new Map(state.typing.get(channelId) ?? []);
      if (isTyping) {
        typing.set(userId, now() + TYPING_EXPIRES_MS);
      } else {
        typing.delete(userId);
      }
      state.typing.set(channelId, typing);
      changed();
    },

    /** Drops typing entries that expired; says whether anything is still shown (so a timer keeps going). */
    expireTyping() {
      let any = false;
      let removed = false;
      for (const [channelId, typing] of state.typing) {
        for (const [userId, expires] of typing) {
          if (expires <= now()) {
            typing.delete(userId);
            removed = true;
          } else {
            any = true;
          }
        }
        if (removed) {
          state.typing.set(channelId, new Map(typing));
        }
      }
      if (removed) {
        changed();
      }
      return any;
    },

    // ---- questions the views ask ----

    typingIn(channelId) {
      const typing = state.typing.get(channelId);
      if (!typing) {
        return [];
      }
      const at = now();
      return [...typing].filter(([, expires]) => expires > at).map(([userId]) => state.users.get(userId))
        .filter(Boolean);
    },

    unreadOf,

    /** The channel's notification level as the server keeps it (`all`, `mentions`, `nothing`). */
    notifyLevelOf(channelId) {
      const level = unreadOf(channelId).level;
      if (level) {
        return level;
      }
      return state.channels.get(channelId)?.kind === 'dm' ? 'all' : 'mentions';
    },

    setNotifyLevel(channelId, level) {
      setUnread(channelId, { level });
      changed();
    },

    totalMentions() {
      let total = 0;
      for (const [channelId, unread] of state.unread) {
        if (state.channels.has(channelId)) {
          total += unread.mentions;
        }
      }
      return total;
    },

    /** The call going on in a voice channel, or null. */
    voiceIn(channelId) {
      return state.voice.get(channelId) ?? null;
    },

    totalUnread() {
      let total = 0;
      for (const [channelId, unread] of state.unread) {
        if (state.channels.has(channelId)) {
          total += unread.count;
        }
      }
      return total;
    },

    presenceOf(userId) {
      return state.presence.get(userId) ?? 'offline';
    },

    roleIn(channelId, userId = state.me?.id) {
      return state.members.get(channelId)?.get(userId)?.role ?? null;
    },

    /** Whether the signed-in user may moderate the channel (rename, archive, delete others' messages). */
    canModerate(channelId) {
      const role = this.roleIn(channelId);
      return role === 'owner' || role === 'moderator' || state.me?.role === 'admin' || state.me?.role === 'owner';
    },

    displayName(userId) {
      const user = state.users.get(userId);
      return user ? user.display_name || user.username : 'Someone';
    },

    /** Sidebar order: channels by name, then DMs by the other person's name. */
    sidebar() {
      const channels = [];
      const dms = [];
      for (const channel of state.channels.values()) {
        if (channel.kind === 'dm') {
          dms.push(channel);
        } else {
          channels.push(channel);
        }
      }
      const name = (channel) => (channel.kind === 'dm' ? this.dmName(channel.id) : channel.name).toLowerCase();
      channels.sort((a, b) => name(a).localeCompare(name(b)));
      dms.sort((a, b) => name(a).localeCompare(name(b)));
      return { channels, dms };
    },

    dmName(channelId) {
      const other = state.dmOther.get(channelId);
      return other ? other.display_name || other.username : 'Direct message';
    },

    findMessage(channelId, messageId) {
      return state.timelines.get(channelId)?.messages.find((message) => message.id === messageId) ?? null;
    },

    reset() {
      state.me = null;
      state.channels = new Map();
      state.dmOther = new Map();
      state.users = new Map();
      state.presence = new Map();
      state.unread = new Map();
      state.members = new Map();
      state.timelines = new Map();
      state.typing = new Map();
      state.voice = new Map();
      state.pending = [];
      state.loaded = false;
      changed();
    },
  };

  function setPresence(userId, status) {
    if (!status || status === 'offline') {
      state.presence.delete(userId);
    } else {
      state.presence.set(userId, status);
    }
  }

  return store;
}

/** The message with one user's reaction added or removed (a repeat changes nothing). */
export function withReaction(message, emoji, userId, added) {
  const reactions = (message.reactions ?? []).map((reaction) => ({ ...reaction, user_ids: [...reaction.user_ids] }));
  let reaction = reactions.find((candidate) => candidate.emoji === emoji);
  if (added) {
    if (!reaction) {
      reaction = { emoji, user_ids: [] };
      reactions.push(reaction);
    }
    if (!reaction.user_ids.includes(userId)) {
      reaction.user_ids.push(userId);
    }
  } else if (reaction) {
    reaction.user_ids = reaction.user_ids.filter((id) => id !== userId);
  }
  return { ...message, reactions: reactions.filter((candidate) => candidate.user_ids.length > 0) };
}
