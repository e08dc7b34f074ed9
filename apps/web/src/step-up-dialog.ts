import { getMe } from './api/account';
import { field, input, link } from './components';
import { h } from './dom';

/** What the dialog reports back for one code: null when it was accepted, else the message to show. */
export type CodeCheck = (code: string) => Promise<{ ok: true } | { ok: false; message: string; notEnrolled?: boolean }>;

/**
 * The "confirm it's you" dialog: asks for the authenticator code (or a
 * recovery code) and hands each attempt to `check`. Resolves true once a
 * code was accepted, false when the person cancels. Built from elements and
 * classes only (strict CSP: no inline script or style).
 */
export function askForStepUpCode(reason: string, check: CodeCheck): Promise<boolean> {
  return new Promise((resolve) => {
    const code = input({ autocomplete: 'one-time-code', inputmode: 'numeric', required: true, maxlength: 32, 'data-testid': 'step-up-code' });
    const error = h('p', { class: 'step-up-error', role: 'alert', 'data-testid': 'step-up-error' });
    const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'step-up-submit' }, 'Confirm');
    const cancel = h('button', { type: 'button', class: 'button', 'data-testid': 'step-up-cancel' }, 'Cancel');
    const form = h(
      'form',
      { class: 'form step-up-form', 'data-testid': 'step-up-form' },
      h('h2', null, 'Confirm it’s you'),
      h('p', null, reason),
      field('Code from your authenticator app (or a recovery code)', code),
      error,
      h('div', { class: 'step-up-actions' }, submit, cancel),
    );
    const dialog = h('dialog', { class: 'step-up-dialog card', 'data-testid': 'step-up-dialog' }, form);
    const finish = (confirmed: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(confirmed);
    };
    const showNotEnrolled = (message: string) => {
      form.replaceChildren(
        h('h2', null, 'Set up an authenticator first'),
        h('p', { 'data-testid': 'step-up-not-enrolled' }, message),
        h('div', { class: 'step-up-actions' }, link({ name: 'account' }, { class: 'button button-primary', 'data-testid': 'step-up-enrol-link', onclick: () => finish(false) }, 'Go to your account'), cancel),
      );
    };
    cancel.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', () => finish(false));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit.disabled = true;
      void check(code.value.replace(/\s/g, ''))
        .then((result) => {
          if (result.ok) return finish(true);
          if (result.notEnrolled) return showNotEnrolled(result.message);
          error.textContent = result.message;
          code.value = '';
          code.focus();
        })
        .finally(() => {
          submit.disabled = false;
        });
    });
    document.body.append(dialog);
    dialog.showModal();
    code.focus();
    // Asked fresh (not the header's cached profile): the person may have just set one up.
    void getMe()
      .then((me) => {
        if (!me.mfa.totp) showNotEnrolled('This action needs a second factor, and your account has no authenticator app set up. Set one up on your Account page, then try again.');
      })
      .catch(() => undefined); // the code form stays; the server still answers MFA_NOT_ENROLLED if need be
  });
}
