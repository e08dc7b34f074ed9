import { getMe } from './api/account';
import { listPasskeys } from './api/security';
import { field, input, link } from './components';
import { h } from './dom';
import { browserSupportsWebAuthn } from './passkeys';

/** The outcome of one attempt: accepted, or the message to show (notEnrolled: the account has no second factor at all). */
export type StepUpResult = { ok: true } | { ok: false; message: string; notEnrolled?: boolean };

/** The two ways to answer: a code typed in, or one of the person's passkeys. */
export interface StepUpChecks {
  code: (code: string) => Promise<StepUpResult>;
  passkey: () => Promise<StepUpResult>;
}

/**
 * The "confirm it's you" dialog: asks for the authenticator code (or a
 * recovery code) or, where the browser can, offers "Use a passkey", and
 * hands each attempt to `checks`. Resolves true once one was accepted,
 * false when the person cancels. Built from elements and classes only
 * (strict CSP: no inline script or style).
 */
export function askForStepUp(reason: string, checks: StepUpChecks): Promise<boolean> {
  return new Promise((resolve) => {
    const code = input({ autocomplete: 'one-time-code', inputmode: 'numeric', required: true, maxlength: 32, 'data-testid': 'step-up-code' });
    const codeField = field('Code from your authenticator app (or a recovery code)', code);
    const error = h('p', { class: 'step-up-error', role: 'alert', 'data-testid': 'step-up-error' });
    const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'step-up-submit' }, 'Confirm');
    const passkey = browserSupportsWebAuthn() ? h('button', { type: 'button', class: 'button', 'data-testid': 'step-up-passkey' }, 'Use a passkey') : null;
    const cancel = h('button', { type: 'button', class: 'button', 'data-testid': 'step-up-cancel' }, 'Cancel');
    const form = h(
      'form',
      { class: 'form step-up-form', 'data-testid': 'step-up-form' },
      h('h2', null, 'Confirm it’s you'),
      h('p', null, reason),
      codeField,
      error,
      h('div', { class: 'step-up-actions' }, submit, passkey, cancel),
    );
    const dialog = h('dialog', { class: 'step-up-dialog card', 'data-testid': 'step-up-dialog' }, form);
    const finish = (confirmed: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(confirmed);
    };
    const showNotEnrolled = (message: string) => {
      form.replaceChildren(
        h('h2', null, 'Set up a second factor first'),
        h('p', { 'data-testid': 'step-up-not-enrolled' }, message),
        h('div', { class: 'step-up-actions' }, link({ name: 'account' }, { class: 'button button-primary', 'data-testid': 'step-up-enrol-link', onclick: () => finish(false) }, 'Go to your account'), cancel),
      );
    };
    /** One attempt, by either way: buttons stay disabled while it runs. */
    const attempt = (check: () => Promise<StepUpResult>) => {
      submit.disabled = true;
      if (passkey) passkey.disabled = true;
      void check()
        .then((result) => {
          if (result.ok) return finish(true);
          if (result.notEnrolled) return showNotEnrolled(result.message);
          error.textContent = result.message;
          code.value = '';
          if (code.isConnected) code.focus();
        })
        .finally(() => {
          submit.disabled = false;
          if (passkey) passkey.disabled = false;
        });
    };
    cancel.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', () => finish(false));
    passkey?.addEventListener('click', () => attempt(checks.passkey));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      attempt(() => checks.code(code.value.replace(/\s/g, '')));
    });
    document.body.append(dialog);
    dialog.showModal();
    code.focus();
    // Asked fresh (not the header's cached profile): the person may have just set one up.
    void Promise.all([getMe(), listPasskeys()])
      .then(([me, passkeys]) => {
        if (!me.mfa.totp && passkeys.length === 0) {
          return showNotEnrolled('This action needs a second factor, and your account has none yet. Add an authenticator app or a passkey on your Account page, then try again.');
        }
        // Offer only the ways this account can answer.
        if (passkeys.length === 0) passkey?.remove();
        if (!me.mfa.totp) {
          codeField.remove();
          submit.remove();
          passkey?.classList.add('button-primary');
          passkey?.focus();
          if (!passkey) error.textContent = 'Your account confirms with a passkey, and this browser cannot use passkeys. Try another browser.';
        }
      })
      .catch(() => undefined); // both ways stay offered; the server still answers which one the account lacks
  });
}
