import { changePassword, type DeviceSession, endDeviceSession, listPasskeys, listSessions, type Passkey, removePasskey } from '../api/security';
import { field, input, link, loading, pageHeading, whileBusy } from '../components';
import { h, mount } from '../dom';
import { formatDate } from '../format';
import { reportFormError, type PageContext } from '../page';
import { addPasskey, browserSupportsWebAuthn, isPasskeyCancelled } from '../passkeys';

/** Account security: signed-in devices, passkeys, password. */
export async function renderSecurity(ctx: PageContext): Promise<void> {
  ctx.setTitle('Security');
  const sessionsCard = h('section', { class: 'card', 'data-testid': 'sessions' }, h('h2', null, 'Signed-in devices'), loading());
  const passkeysCard = h('section', { class: 'card', 'data-testid': 'passkeys' }, h('h2', null, 'Passkeys'), loading());
  mount(
    ctx.view,
    pageHeading('Security'),
    h('p', null, link({ name: 'account' }, null, '← Your account')),
    h('div', { class: 'account' }, sessionsCard, passkeysCard, passwordCard(ctx)),
  );
  const [sessions, passkeys] = await Promise.all([listSessions(ctx.signal), listPasskeys(ctx.signal)]);
  if (!ctx.isCurrent()) return;
  showSessions(ctx, sessionsCard, sessions);
  showPasskeys(ctx, passkeysCard, passkeys);
}

function showSessions(ctx: PageContext, card: HTMLElement, sessions: DeviceSession[]): void {
  const rows = sessions.map((session) => {
    const action = session.current
      ? h('span', { class: 'badge', 'data-testid': 'session-current' }, 'This device')
      : h('button', { type: 'button', class: 'button', 'data-testid': 'session-end' }, 'End');
    if (action instanceof HTMLButtonElement) {
      action.addEventListener('click', () => {
        void whileBusy(action, 'Ending…', async () => {
          try {
            await endDeviceSession(session.id);
            if (!ctx.isCurrent()) return;
            row.remove();
            ctx.notice(`Signed out ${session.device}.`);
          } catch (error) {
            ctx.fail(error);
          }
        });
      });
    }
    const row = h(
      'li',
      { class: 'session', 'data-testid': 'session', 'data-session-id': session.id },
      h('strong', { 'data-testid': 'session-device' }, session.device),
      h('span', { class: 'muted' }, session.ip ?? 'unknown address'),
      h('small', { class: 'field-hint' }, `Signed in ${formatDate(session.createdAt)} · last active ${formatDate(session.lastSeenAt)}`),
      action,
    );
    return row;
  });
  mount(
    card,
    h('h2', null, 'Signed-in devices'),
    h('p', null, 'End any session you do not recognise, then change your password.'),
    h('ul', { class: 'device-list sessions' }, rows),
  );
}

function showPasskeys(ctx: PageContext, card: HTMLElement, passkeys: Passkey[]): void {
  const list = h('ul', { class: 'device-list passkeys', 'data-testid': 'passkey-list' }, passkeys.map((p) => passkeyRow(ctx, p)));
  const add = h('button', { type: 'button', class: 'button button-primary', 'data-testid': 'passkey-add' }, 'Add a passkey');
  add.disabled = !browserSupportsWebAuthn();
  add.addEventListener('click', () => {
    void whileBusy(add, 'Waiting for your device…', async () => {
      try {
        const passkey = await addPasskey();
        if (!ctx.isCurrent()) return;
        list.append(passkeyRow(ctx, passkey));
        ctx.notice('Passkey added. You can now sign in with it instead of a password and code.');
      } catch (error) {
        if (isPasskeyCancelled(error)) ctx.error('No passkey was created.');
        else reportFormError(ctx, error);
      }
    });
  });
  mount(
    card,
    h('h2', null, 'Passkeys'),
    h('p', null, 'A passkey signs you in with your fingerprint, face or device PIN. It only works on this store, so a fake site cannot steal it.'),
    list,
    add,
  );
}

function passkeyRow(ctx: PageContext, passkey: Passkey): HTMLElement {
  const remove = h('button', { type: 'button', class: 'button', 'data-testid': 'passkey-remove' }, 'Remove');
  const row = h(
    'li',
    { 'data-testid': 'passkey', 'data-passkey-id': passkey.id },
    h('strong', null, passkey.name),
    h('small', { class: 'field-hint' }, `Added ${formatDate(passkey.createdAt)}${passkey.lastUsedAt ? ` · last used ${formatDate(passkey.lastUsedAt)}` : ''}`),
    remove,
  );
  remove.addEventListener('click', () => {
    void whileBusy(remove, 'Removing…', async () => {
      try {
        await removePasskey(passkey.id);
        if (ctx.isCurrent()) row.remove();
      } catch (error) {
        ctx.fail(error);
      }
    });
  });
  return row;
}

function passwordCard(ctx: PageContext): HTMLElement {
  const current = input({ type: 'password', autocomplete: 'current-password', required: true, maxlength: 256, 'data-testid': 'password-current' });
  const next = input({ type: 'password', autocomplete: 'new-password', required: true, minlength: 8, maxlength: 64, 'data-testid': 'password-new' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'password-submit' }, 'Change password');
  const form = h(
    'form',
    { class: 'card form', 'data-testid': 'password-form' },
    h('h2', null, 'Password'),
    field('Current password', current),
    // The server owns the policy (8–64 characters, not a known breached password); its message is shown if refused.
    field('New password', next, '8 to 64 characters. A few unrelated words work well. Every other device will be signed out.'),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(submit, 'Changing…', async () => {
      try {
        const { otherSessionsEnded } = await changePassword(current.value, next.value);
        if (!ctx.isCurrent()) return;
        form.reset();
        const others = otherSessionsEnded === 1 ? '1 other device was' : `${otherSessionsEnded} other devices were`;
        ctx.navigate({ name: 'security' }, { replace: true, notice: `Password changed. ${others} signed out.` });
      } catch (error) {
        current.value = '';
        reportFormError(ctx, error);
      }
    });
  });
  return form;
}
