// The pages before the chat: first-run setup with the setup code, sign-in (with the 2FA step), sign-up by
// invite or in open mode, password recovery, and the one-time recovery code. Loaded only when needed.

import { html, nothing } from 'lit-html';
import { icon } from './common.js';

const DEFAULT_SETUP_HINT = 'The setup code is printed in the server\'s log when it starts, and saved in the '
  + 'file setup-code in its data directory (./data/setup-code by default).';

/** Picks the page for the current address and the server's registration mode. */
export function routeChanged(app) {
  const { ui } = app;
  const config = ui.auth.config;
  const route = ui.route;
  if (ui.auth.view === 'recovery-code') {
    return;
  }
  ui.auth.error = ui.auth.error?.code === 'network' ? ui.auth.error : null;
  ui.auth.totp = false;
  if (config?.setup_required) {
    ui.auth.view = 'setup';
  } else if (route.name === 'invite') {
    ui.auth.view = 'register';
    ui.auth.inviteCode = route.code;
  } else if (route.name === 'register') {
    ui.auth.view = 'register';
  } else if (route.name === 'recover') {
    ui.auth.view = 'recover';
  } else {
    ui.auth.view = 'sign-in';
  }
  ui.focusAfterDraw = '.auth-card input';
}

export function authView(app) {
  const { auth } = app.ui;
  let page;
  switch (auth.view) {
    case 'setup':
      page = setupPage(app);
      break;
    case 'register':
      page = registerPage(app);
      break;
    case 'recover':
      page = recoverPage(app);
      break;
    case 'recovery-code':
      page = recoveryCodePage(app);
      break;
    default:
      page = auth.totp ? totpPage(app) : signInPage(app);
  }
  return html`<main class="auth"><div class="auth-card">
    <div class="brand"><span class="brand-mark">${icon('message')}</span><span>Chatalot</span></div>
    ${page}
    <p class="auth-help"><a href="/help/user-guide" @click=${(event) => app.follow(event, '/help/user-guide')}>Help</a></p>
  </div></main>`;
}

// ---- pages ----

function setupPage(app) {
  const { auth } = app.ui;
  const config = auth.config ?? {};
  return html`<h1>Set up this server</h1>
    <p class="lead">Nobody owns this Chatalot yet. Create the owner's account with the server's setup code.</p>
    ${errorBox(auth)}
    <form @submit=${(event) => submit(app, event, registerWith({ setup: true }))} novalidate>
      ${field(auth, { name: 'setup_code', label: 'Setup code', autocomplete: 'off', required: true,
        hint: config.setup_code_hint ?? DEFAULT_SETUP_HINT })}
      ${accountFields(app)}
      <div class="actions"><button class="button primary" type="submit" ?disabled=${auth.busy}>
        ${auth.busy ? 'Creating…' : 'Create owner account'}</button></div>
    </form>`;
}

function signInPage(app) {
  const { auth } = app.ui;
  const mode = auth.config?.registration_mode;
  return html`<h1>Sign in</h1>
    <p class="lead">Welcome back.</p>
    ${auth.signedOutReason && !auth.error ? html`<p class="notice-good" role="status">${auth.signedOutReason}</p>`
      : nothing}
    ${errorBox(auth)}
    <form @submit=${(event) => submit(app, event, signIn)} novalidate>
      ${field(auth, { name: 'username', label: 'Username', autocomplete: 'username', required: true,
        value: auth.username })}
      ${field(auth, { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password',
        required: true })}
      <div class="actions"><button class="button primary" type="submit" ?disabled=${auth.busy}>
        ${auth.busy ? 'Signing in…' : 'Sign in'}</button></div>
    </form>
    <div class="auth-links">
      <a href="/recover" @click=${(event) => app.follow(event, '/recover')}>Forgot your password? Use your recovery
        code</a>
      ${mode === 'open' ? html`<a href="/register" @click=${(event) => app.follow(event, '/register')}>Create an
        account</a>` : mode === 'invite_only'
        ? html`<span>New here? Ask an admin for an invite link.</span>`
        : html`<span>Registration is closed on this server.</span>`}
    </div>`;
}

function totpPage(app) {
  const { auth } = app.ui;
  const backup = auth.useBackup;
  return html`<h1>Two-step verification</h1>
    <p class="lead">${backup ? 'Enter one of your backup codes. Each works once.'
      : 'Enter the 6-digit code from your authenticator app.'}</p>
    ${errorBox(auth)}
    <form @submit=${(event) => submit(app, event, signIn)} novalidate>
      ${backup
        ? field(auth, { name: 'backup_code', label: 'Backup code', autocomplete: 'off', required: true })
        : field(auth, { name: 'totp_code', label: 'Authentication code', autocomplete: 'one-time-code',
          inputmode: 'numeric', required: true })}
      <div class="actions">
        <button class="button primary" type="submit" ?disabled=${auth.busy}>${auth.busy ? 'Checking…'
          : 'Verify'}</button>
      </div>
    </form>
    <div class="auth-links">
      <button class="link-button" type="button" @click=${() => {
        auth.useBackup = !backup;
        auth.error = null;
        app.ui.focusAfterDraw = '.auth-card input';
        app.redraw();
      }}>${backup ? 'Use a code from your app instead' : 'Use a backup code instead'}</button>
      <button class="link-button" type="button" @click=${() => {
        auth.totp = false;
        auth.password = null;
        auth.error = null;
        app.redraw();
      }}>Back to sign in</button>
    </div>`;
}

function registerPage(app) {
  const { auth } = app.ui;
  const mode = auth.config?.registration_mode;
  const viaInvite = app.ui.route.name === 'invite' || mode === 'invite_only';
  if (mode === 'closed' && app.ui.route.name !== 'invite') {
    return html`<h1>Registration is closed</h1>
      <p class="lead">This server does not take new accounts. Ask its admin to create one for you.</p>
      <div class="auth-links"><a href="/sign-in" @click=${(event) => app.follow(event, '/sign-in')}>Back to sign
        in</a></div>`;
  }
  return html`<h1>${viaInvite ? 'Join with your invite' : 'Create your account'}</h1>
    <p class="lead">${viaInvite ? 'Someone invited you to this Chatalot. Choose how you will sign in.'
      : 'Choose a username and a password.'}</p>
    ${errorBox(auth)}
    <form @submit=${(event) => submit(app, event, registerWith({ setup: false }))} novalidate>
      ${viaInvite ? field(auth, { name: 'invite_code', label: 'Invite code', autocomplete: 'off', required: true,
        value: auth.inviteCode }) : nothing}
      ${accountFields(app)}
      <div class="actions"><button class="button primary" type="submit" ?disabled=${auth.busy}>
        ${auth.busy ? 'Creating…' : 'Create account'}</button></div>
    </form>
    <div class="auth-links"><a href="/sign-in" @click=${(event) => app.follow(event, '/sign-in')}>Already have an
      account? Sign in</a></div>`;
}

function recoverPage(app) {
  const { auth } = app.ui;
  const min = auth.config?.password_min_length ?? 10;
  return html`<h1>Reset your password</h1>
    <p class="lead">Use the recovery code you saved when you created your account. Your other devices will be
      signed out.</p>
    ${errorBox(auth)}
    <form @submit=${(event) => submit(app, event, recover)} novalidate>
      ${field(auth, { name: 'username', label: 'Username', autocomplete: 'username', required: true })}
      ${field(auth, { name: 'recovery_code', label: 'Recovery code', autocomplete: 'off', required: true })}
      ${field(auth, { name: 'new_password', label: 'New password', type: 'password', autocomplete: 'new-password',
        required: true, hint: `At least ${min} characters.` })}
      <div class="actions"><button class="button primary" type="submit" ?disabled=${auth.busy}>
        ${auth.busy ? 'Resetting…' : 'Reset password'}</button></div>
    </form>
    <div class="auth-links"><a href="/sign-in" @click=${(event) => app.follow(event, '/sign-in')}>Back to sign
      in</a></div>`;
}

function recoveryCodePage(app) {
  const { auth } = app.ui;
  return html`<h1>Save your recovery code</h1>
    <p class="lead">If you forget your password, this code lets you set a new one. It is shown only now: keep it
      somewhere safe, such as a password manager.</p>
    <div class="code-box"><code aria-label="Recovery code">${auth.recoveryCode}</code>
      <button class="button" type="button" @click=${() => copy(app, auth.recoveryCode)}>Copy</button></div>
    <div class="actions">
      <button class="button primary" type="button" autofocus @click=${() => {
        auth.view = null;
        auth.recoveryCode = null;
        app.ui.holdAuthScreen = false;
        app.startChat();
      }}>I saved it — continue</button>
    </div>`;
}

// ---- pieces ----

function accountFields(app) {
  const { auth } = app.ui;
  const min = auth.config?.password_min_length ?? 10;
  return html`
    ${field(auth, { name: 'username', label: 'Username', autocomplete: 'username', required: true,
      hint: '3–32 letters, digits, dots, dashes or underscores.' })}
    ${field(auth, { name: 'display_name', label: 'Display name', autocomplete: 'name',
      hint: 'How others see you; your username if left empty.' })}
    ${field(auth, { name: 'email', label: 'Email', type: 'email', autocomplete: 'email',
      hint: 'Only your admins see it.' })}
    ${field(auth, { name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password',
      required: true, hint: `At least ${min} characters. A few unrelated words make a strong one.` })}`;
}

function field(auth, { name, label, type = 'text', autocomplete, required = false, hint = null, value = '',
  inputmode = null }) {
  const id = `f-${name}`;
  const invalid = auth.error?.field === name;
  const described = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${label}${required ? nothing : html` <span class="hint">(optional)</span>`}</label>
    <input id=${id} name=${name} type=${type} autocomplete=${autocomplete ?? 'off'} .value=${value ?? ''}
      ?required=${required} aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${described || nothing} inputmode=${inputmode ?? nothing} spellcheck="false"
      autocapitalize="none">
    ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
    ${invalid ? html`<span class="error" id=${`${id}-error`}>${auth.error.message}</span>` : nothing}
  </div>`;
}

function errorBox(auth) {
  const error = auth.error;
  if (!error) {
    return html`<div class="alert" role="alert"></div>`;
  }
  const wait = error.retryAfterSeconds ? ` Try again in ${waitText(error.retryAfterSeconds)}.` : '';
  return html`<div class="alert" role="alert">${error.message}${wait}</div>`;
}

function waitText(seconds) {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

async function copy(app, text) {
  try {
    await navigator.clipboard.writeText(text);
    app.notice({ text: 'Copied.' });
  } catch {
    app.notice({ text: 'Could not copy: select the code and copy it yourself.', kind: 'error' });
  }
}

// ---- actions ----

async function submit(app, event, action) {
  event.preventDefault();
  const { auth } = app.ui;
  if (auth.busy) {
    return;
  }
  const values = Object.fromEntries(new FormData(event.target).entries());
  const missing = [...event.target.querySelectorAll('input[required]')].find((input) => !input.value.trim());
  if (missing) {
    auth.error = { field: missing.name, message: `${labelOf(missing)} is required.` };
    app.ui.focusAfterDraw = `#${missing.id}`;
    app.redraw();
    return;
  }
  auth.busy = true;
  auth.error = null;
  app.redraw();
  try {
    await action(app, values);
  } catch (error) {
    auth.error = error;
    if (error.field) {
      app.ui.focusAfterDraw = `#f-${error.field}`;
    }
  } finally {
    auth.busy = false;
    app.redraw();
  }
}

function labelOf(input) {
  return input.labels?.[0]?.firstChild?.textContent?.trim() ?? input.name;
}

async function signIn(app, values) {
  const { auth } = app.ui;
  if (!auth.totp) {
    auth.username = values.username;
    auth.password = values.password;
  }
  try {
    await app.session.signIn({ username: auth.username, password: auth.password, totpCode: values.totp_code,
      backupCode: values.backup_code });
    auth.password = null;
    auth.totp = false;
    auth.signedOutReason = null;
  } catch (error) {
    if (error.code === 'totp_required') {
      auth.totp = true;
      auth.useBackup = false;
      app.ui.focusAfterDraw = '.auth-card input';
      return;
    }
    throw error;
  }
}

function registerWith({ setup }) {
  return async (app, values) => {
    const { auth } = app.ui;
    app.ui.holdAuthScreen = true;
    try {
      auth.recoveryCode = await app.session.register({ username: values.username, displayName: values.display_name,
        email: values.email, password: values.password, inviteCode: setup ? null : values.invite_code,
        setupCode: setup ? values.setup_code : null });
    } catch (error) {
      app.ui.holdAuthScreen = false;
      throw error;
    }
    auth.view = 'recovery-code';
    auth.config = { ...auth.config, setup_required: false };
    history.replaceState(null, '', '/');
  };
}

async function recover(app, values) {
  const { auth } = app.ui;
  app.ui.holdAuthScreen = true;
  try {
    auth.recoveryCode = await app.session.recover({ username: values.username, recoveryCode: values.recovery_code,
      newPassword: values.new_password });
  } catch (error) {
    app.ui.holdAuthScreen = false;
    throw error;
  }
  auth.view = 'recovery-code';
  history.replaceState(null, '', '/');
}
