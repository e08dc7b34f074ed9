import { register } from '../api/auth';
import { field, input, link, pageHeading, whileBusy } from '../components';
import { h, mount } from '../dom';
import { reportFormError, type PageContext } from '../page';
import type { Route } from '../router';
import { prefillSignIn } from './sign-in';

export function renderRegister(ctx: PageContext, route: Extract<Route, { name: 'register' }>): void {
  ctx.setTitle('Create an account');
  const name = input({ autocomplete: 'name', required: true, maxlength: 100, 'data-testid': 'register-name' });
  const email = input({ type: 'email', autocomplete: 'email', required: true, maxlength: 254, 'data-testid': 'register-email' });
  const password = input({ type: 'password', autocomplete: 'new-password', required: true, maxlength: 256, 'data-testid': 'register-password' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'register-submit' }, 'Create account');
  const form = h(
    'form',
    { class: 'card form', 'data-testid': 'register-form' },
    field('Name', name),
    field('Email', email),
    // The server owns the password policy; its message is shown if a password is refused.
    field('Password', password, 'Use a long passphrase you do not use anywhere else.'),
    submit,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(submit, 'Creating…', async () => {
      try {
        await register({ name: name.value.trim(), email: email.value.trim(), password: password.value });
        prefillSignIn(email.value.trim());
        ctx.navigate({ name: 'sign-in', next: route.next }, { notice: 'Your account is ready. Sign in to continue.' });
      } catch (error) {
        reportFormError(ctx, error);
      }
    });
  });

  mount(
    ctx.view,
    pageHeading('Create an account'),
    form,
    h('p', { class: 'form-footer' }, 'Already have an account? ', link({ name: 'sign-in', next: route.next }, null, 'Sign in'), '.'),
  );
  name.focus();
}
