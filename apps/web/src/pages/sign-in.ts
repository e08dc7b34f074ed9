import { isMfaChallenge, login, verifyMfa, type TokenResponse } from '../api/auth';
import { startSession } from '../api/session';
import { field, input, link, pageHeading, whileBusy } from '../components';
import { h, mount } from '../dom';
import { reportFormError, type PageContext } from '../page';
import { parseRoute, type Route } from '../router';
import { browserSupportsWebAuthn, isPasskeyCancelled, signInWithPasskey } from '../passkeys';
import { loadVisitor } from '../store';

type SignInRoute = Extract<Route, { name: 'sign-in' }>;

// Set by the register page so the new customer does not retype the email; memory only.
let prefilledEmail = '';

export function prefillSignIn(email: string): void {
  prefilledEmail = email;
}

export function renderSignIn(ctx: PageContext, route: SignInRoute): void {
  ctx.setTitle('Sign in');
  const email = input({ type: 'email', autocomplete: 'username', required: true, maxlength: 254, value: prefilledEmail, 'data-testid': 'signin-email' });
  const password = input({ type: 'password', autocomplete: 'current-password', required: true, maxlength: 256, 'data-testid': 'signin-password' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'signin-submit' }, 'Sign in');
  const form = h('form', { class: 'card form', 'data-testid': 'signin-form' }, field('Email', email), field('Password', password), submit);
  prefilledEmail = '';

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(submit, 'Signing in…', async () => {
      try {
        const result = await login(email.value.trim(), password.value);
        if (isMfaChallenge(result)) {
          ctx.clearAlerts();
          mount(ctx.view, pageHeading('Two-step verification'), mfaForm(ctx, route, result.mfaToken));
          ctx.view.querySelector<HTMLInputElement>('input')?.focus();
          return;
        }
        await finishSignIn(ctx, route, result);
      } catch (error) {
        password.value = '';
        reportFormError(ctx, error);
      }
    });
  });

  mount(
    ctx.view,
    pageHeading('Sign in'),
    form,
    browserSupportsWebAuthn() ? passkeyButton(ctx, route) : null,
    h('p', { class: 'form-footer' }, 'New here? ', link({ name: 'register', next: route.next }, { 'data-testid': 'register-link' }, 'Create an account'), '.'),
  );
  (email.value ? password : email).focus();
}

/** A passkey replaces both the password and the code: it is bound to this site and verified on the device. */
function passkeyButton(ctx: PageContext, route: SignInRoute): HTMLElement {
  const button = h('button', { type: 'button', class: 'button', 'data-testid': 'signin-passkey' }, 'Sign in with a passkey');
  button.addEventListener('click', () => {
    void whileBusy(button, 'Waiting for your device…', async () => {
      try {
        await finishSignIn(ctx, route, await signInWithPasskey());
      } catch (error) {
        if (isPasskeyCancelled(error)) ctx.error('Passkey sign-in was cancelled.');
        else reportFormError(ctx, error);
      }
    });
  });
  return h('div', { class: 'card form passkey-sign-in' }, h('p', null, 'Or skip the password:'), button);
}

function mfaForm(ctx: PageContext, route: SignInRoute, mfaToken: string): HTMLFormElement {
  const code = input({
    autocomplete: 'one-time-code',
    inputmode: 'numeric',
    required: true,
    maxlength: 32,
    'data-testid': 'mfa-code',
  });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'mfa-submit' }, 'Verify');
  const form = h(
    'form',
    { class: 'card form', 'data-testid': 'mfa-form' },
    h('p', null, 'Enter the 6-digit code from your authenticator app.'),
    field('Authentication code', code),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(submit, 'Verifying…', async () => {
      try {
        await finishSignIn(ctx, route, await verifyMfa(mfaToken, code.value.replace(/\s/g, '')));
      } catch (error) {
        code.value = '';
        reportFormError(ctx, error);
      }
    });
  });
  return form;
}

async function finishSignIn(ctx: PageContext, route: SignInRoute, tokens: TokenResponse): Promise<void> {
  startSession(tokens.accessToken);
  await loadVisitor();
  ctx.navigate(route.next ? parseRoute(route.next) : { name: 'catalog', q: '', page: 1 }, { replace: true, notice: 'You are signed in.' });
}
