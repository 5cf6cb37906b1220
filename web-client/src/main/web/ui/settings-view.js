// Your account (/settings): profile, password, two-step verification with its QR code and backup codes,
// the recovery code, where you are signed in, and your storage. Loaded the first time it is opened.

import { html, nothing } from 'lit-html';
import { formatBytes } from '../core/api.js';
import { formatFull, icon } from './common.js';

/** What the page loaded and what each form is doing, kept while the page is open. */
const state = { loaded: false, loading: false, forms: {} };

function form(name) {
  state.forms[name] = state.forms[name] ?? { busy: false, error: null, done: null };
  return state.forms[name];
}

async function load(app) {
  if (state.loading) {
    return;
  }
  state.loading = true;
  try {
    const [me, sessions, usage] = await Promise.all([app.api.get('/api/account/me'),
      app.api.get('/api/account/sessions'), app.api.get('/api/files/usage')]);
    Object.assign(state, { me, sessions, usage, loaded: true, loadError: null });
  } catch (error) {
    state.loadError = error;
  } finally {
    state.loading = false;
    app.redraw();
  }
}

/** Runs one form's request; its error (in the server's words, naming the field) shows beside it. */
async function submit(app, name, event, task) {
  event?.preventDefault();
  const entry = form(name);
  if (entry.busy) {
    return;
  }
  entry.busy = true;
  entry.error = null;
  entry.done = null;
  app.redraw();
  try {
    entry.done = await task(event ? new FormData(event.target) : null) ?? true;
    event?.target?.reset?.();
  } catch (error) {
    entry.error = error;
  } finally {
    entry.busy = false;
    app.redraw();
  }
}

export function settingsView(app) {
  if (!state.loaded && !state.loading && !state.loadError) {
    load(app);
  }
  return html`<div class="help settings">
    <header class="help-head">
      <a class="button quiet" href="/" @click=${(event) => app.follow(event, '/')}>${icon('reply')} Back to Chatalot</a>
      <h1 class="settings-title">Your account</h1>
    </header>
    <main class="help-body">
      ${state.loadError ? html`<p role="alert">Could not load your account: ${state.loadError.message}</p>` : nothing}
      ${state.loaded ? html`${profile(app)}${password(app)}${twoStep(app)}${recovery(app)}${sessions(app)}${storage()}`
        : html`<p role="status">Loading…</p>`}
    </main>
  </div>`;
}

function field(name, label, { type = 'text', value = '', autocomplete = 'off', required = false, hint = null,
  error = null, inputmode = null } = {}) {
  const id = `s-${name}`;
  const invalid = error?.field === name || (error && !error.field && required);
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} type=${type} .value=${value} autocomplete=${autocomplete} ?required=${required}
      inputmode=${inputmode ?? nothing} aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${hint ? `${id}-hint` : nothing}>
    ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
  </div>`;
}

function outcome(entry, done) {
  if (entry.error) {
    return html`<p class="alert" role="alert">${entry.error.message}</p>`;
  }
  return entry.done && done ? html`<p class="notice-good" role="status">${done}</p>` : nothing;
}

function profile(app) {
  const entry = form('profile');
  return html`<section aria-labelledby="profile-heading">
    <h2 id="profile-heading">Profile</h2>
    <p class="hint">Your username is <strong>@${state.me.username}</strong>; it cannot change.</p>
    <form @submit=${(event) => submit(app, 'profile', event, async (data) => {
      const body = { display_name: String(data.get('display_name')).trim(), email: String(data.get('email')).trim(),
        status_text: String(data.get('status_text')).trim() };
      state.me = await app.api.put('/api/account/profile', body);
      app.session.updateUser({ display_name: state.me.display_name, email: state.me.email });
      app.store.setMe({ ...app.store.state.me, display_name: state.me.display_name,
        status_text: state.me.status_text ?? null });
      return 'Saved.';
    })}>
      ${field('display_name', 'Display name', { value: state.me.display_name ?? '', autocomplete: 'name',
        error: entry.error })}
      ${field('status_text', 'Status (optional)', { value: state.me.status_text ?? '', error: entry.error,
        hint: 'A line shown beside your name, e.g. “On holiday until Monday”. Up to 100 characters.' })}
      ${field('email', 'Email (optional)', { type: 'email', value: state.me.email ?? '', autocomplete: 'email',
        error: entry.error })}
      ${outcome(entry, 'Saved.')}
      <button class="button primary" type="submit" ?disabled=${entry.busy}>Save profile</button>
    </form>
  </section>`;
}

function password(app) {
  const entry = form('password');
  return html`<section aria-labelledby="password-heading">
    <h2 id="password-heading">Password</h2>
    <form @submit=${(event) => submit(app, 'password', event, async (data) => {
      await app.api.put('/api/account/password', { current_password: data.get('current_password'),
        new_password: data.get('new_password') });
      await load(app);
      return 'Changed. Your other devices were signed out.';
    })}>
      ${field('current_password', 'Current password', { type: 'password', autocomplete: 'current-password',
        required: true, error: entry.error })}
      ${field('new_password', 'New password', { type: 'password', autocomplete: 'new-password', required: true,
        error: entry.error, hint: 'At least 10 characters.' })}
      ${outcome(entry, 'Changed. Your other devices were signed out.')}
      <button class="button primary" type="submit" ?disabled=${entry.busy}>Change password</button>
    </form>
  </section>`;
}

function twoStep(app) {
  const entry = form('totp');
  const setup = state.totpSetup;
  if (state.backupCodes) {
    return html`<section aria-labelledby="totp-heading">
      <h2 id="totp-heading">Two-step verification</h2>
      <p class="notice-good" role="status">Two-step verification is on.</p>
      ${codes(app, 'Backup codes', state.backupCodes, 'chatalot-backup-codes.txt',
        'Each of these works once, instead of a code from your app, if you lose your phone. They are shown only now.')}
      <button class="button" type="button" @click=${() => {
        state.backupCodes = null;
        app.redraw();
      }}>I saved them</button>
    </section>`;
  }
  if (state.me.totp_enabled) {
    const disable = form('totp-disable');
    return html`<section aria-labelledby="totp-heading">
      <h2 id="totp-heading">Two-step verification</h2>
      <p>On: signing in asks for a code from your authenticator app.</p>
      <form @submit=${(event) => submit(app, 'totp-disable', event, async (data) => {
        await app.api.post('/api/account/totp/disable', { password: data.get('password'), code: data.get('code') });
        state.me = { ...state.me, totp_enabled: false };
        return 'Two-step verification is off.';
      })}>
        ${field('password', 'Password', { type: 'password', autocomplete: 'current-password', required: true,
          error: disable.error })}
        ${field('code', 'Code from your app', { autocomplete: 'one-time-code', inputmode: 'numeric', required: true,
          error: disable.error })}
        ${outcome(disable, null)}
        <button class="button danger" type="submit" ?disabled=${disable.busy}>Turn off two-step verification</button>
      </form>
    </section>`;
  }
  return html`<section aria-labelledby="totp-heading">
    <h2 id="totp-heading">Two-step verification</h2>
    <p>Off. With it on, signing in also asks for a 6-digit code from an app on your phone (any TOTP
      authenticator: FreeOTP, Aegis, Google Authenticator, 1Password, …).</p>
    ${setup ? html`
      <ol class="steps">
        <li>Scan this code with your authenticator app${setup.qr_svg ? '' : ' (or type the key below)'}:
          ${setup.qr_svg ? html`<img class="qr" alt="QR code of the key for your authenticator app"
            src=${`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qr_svg)}`}>` : nothing}
          <p>Key, to type instead: <code class="secret">${setup.secret}</code></p></li>
        <li>Enter the code the app shows, to confirm:
          <form @submit=${(event) => submit(app, 'totp', event, async (data) => {
            const answer = await app.api.post('/api/account/totp/verify', { code: String(data.get('code')).trim() });
            state.backupCodes = answer.backup_codes;
            state.totpSetup = null;
            state.me = { ...state.me, totp_enabled: true };
            return true;
          })}>
            ${field('code', 'Code from your app', { autocomplete: 'one-time-code', inputmode: 'numeric', required: true,
              error: entry.error })}
            ${outcome(entry, null)}
            <button class="button primary" type="submit" ?disabled=${entry.busy}>Turn on</button>
          </form></li>
      </ol>` : html`
      ${outcome(entry, null)}
      <button class="button primary" type="button" ?disabled=${entry.busy} @click=${() => submit(app, 'totp', null,
        async () => {
          state.totpSetup = await app.api.post('/api/account/totp/setup', {});
          return null;
        })}>Set up two-step verification</button>`}
  </section>`;
}

function recovery(app) {
  const entry = form('recovery');
  return html`<section aria-labelledby="recovery-heading">
    <h2 id="recovery-heading">Recovery code</h2>
    ${state.recoveryCode ? codes(app, 'New recovery code', [state.recoveryCode], 'chatalot-recovery-code.txt',
      'The old one no longer works. Keep this one safe: it is shown only now.') : html`
      <p>It lets you set a new password if you forget yours. If you lost it, or fear someone saw it, make a new one
        (the old one stops working).</p>
      <form @submit=${(event) => submit(app, 'recovery', event, async (data) => {
        state.recoveryCode = (await app.api.post('/api/account/recovery-code', { password: data.get('password') }))
          .recovery_code;
        return true;
      })}>
        ${field('password', 'Password', { type: 'password', autocomplete: 'current-password', required: true,
          error: entry.error })}
        ${outcome(entry, null)}
        <button class="button" type="submit" ?disabled=${entry.busy}>Make a new recovery code</button>
      </form>`}
  </section>`;
}

function sessions(app) {
  const entry = form('sessions');
  const others = state.sessions.filter((session) => !session.current);
  return html`<section aria-labelledby="sessions-heading">
    <h2 id="sessions-heading">Where you are signed in</h2>
    <ul class="session-list">${state.sessions.map((session) => html`<li>
      <span class="grow"><strong>${session.device || 'Unknown device'}</strong>${session.current
        ? html` <span class="role">(this browser)</span>` : nothing}
        <span class="sub">${session.ip ?? ''} · last used ${formatFull(session.last_used_at ?? session.created_at)}</span>
      </span>
      ${session.current ? nothing : html`<button class="button" type="button" ?disabled=${entry.busy}
        @click=${() => submit(app, 'sessions', null, async () => {
          await app.api.delete(`/api/account/sessions/${encodeURIComponent(session.id)}`);
          state.sessions = state.sessions.filter((candidate) => candidate.id !== session.id);
          return 'Signed out.';
        })}>Sign out<span class="sr-only"> ${session.device || 'this device'}</span></button>`}
    </li>`)}</ul>
    ${outcome(entry, entry.done)}
    ${others.length ? html`<button class="button danger" type="button" ?disabled=${entry.busy}
      @click=${() => submit(app, 'sessions', null, async () => {
        await app.api.post('/api/account/logout-others');
        state.sessions = state.sessions.filter((session) => session.current);
        return 'Every other device is signed out.';
      })}>Sign out everywhere else</button>` : nothing}
  </section>`;
}

function storage() {
  const usage = state.usage;
  const quota = usage.quota_bytes > 0 ? ` of ${formatBytes(usage.quota_bytes)}` : ' (no limit)';
  return html`<section aria-labelledby="storage-heading">
    <h2 id="storage-heading">Your files</h2>
    <p>${formatBytes(usage.used_bytes)}${quota} in ${usage.file_count} ${usage.file_count === 1 ? 'file' : 'files'};
      each file may be up to ${formatBytes(usage.max_file_bytes)}.</p>
    ${usage.quota_bytes > 0 ? html`<progress max=${usage.quota_bytes} .value=${usage.used_bytes}
      aria-label="Storage used"></progress>` : nothing}
  </section>`;
}

function codes(app, title, list, filename, explanation) {
  const text = list.join('\n');
  return html`<div class="codes">
    <p><strong>${title}.</strong> ${explanation}</p>
    <pre class="code-box" tabindex="0">${text}</pre>
    <div class="actions">
      <button class="button" type="button" @click=${async () => {
        try {
          await navigator.clipboard.writeText(text);
          app.notice({ text: 'Copied.' });
        } catch {
          app.notice({ text: 'Could not copy: select the text and copy it yourself.', kind: 'error' });
        }
      }}>Copy</button>
      <button class="button" type="button" @click=${() => {
        const url = URL.createObjectURL(new Blob([text + '\n'], { type: 'text/plain' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = filename;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }}>Download</button>
    </div>
  </div>`;
}

/** Forget what was loaded (a page opened again shows the account as it is then). */
export function reset() {
  state.loaded = false;
  state.forms = {};
  state.totpSetup = null;
  state.backupCodes = null;
  state.recoveryCode = null;
}
