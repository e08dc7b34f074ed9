import { getMe, type Profile } from '../api/account';
import { confirmTotp, enrollTotp, type TotpEnrollment } from '../api/auth';
import { field, input, link, loading, pageHeading, whileBusy } from '../components';
import { h, mount } from '../dom';
import { reportFormError, type PageContext } from '../page';
import { setProfile } from '../store';

export async function renderAccount(ctx: PageContext): Promise<void> {
  ctx.setTitle('Your account');
  const body = h('div', { class: 'account' }, loading());
  mount(ctx.view, pageHeading('Your account'), body);
  const profile = await getMe(ctx.signal);
  if (!ctx.isCurrent()) return;
  setProfile(profile);
  mount(body, profileCard(profile), mfaCard(ctx, profile), securityCard());
}

function profileCard(profile: Profile): HTMLElement {
  return h(
    'section',
    { class: 'card', 'data-testid': 'profile' },
    h('h2', null, 'Profile'),
    h(
      'dl',
      { class: 'details' },
      h('dt', null, 'Name'),
      h('dd', { 'data-testid': 'profile-name' }, profile.name),
      h('dt', null, 'Email'),
      h('dd', { 'data-testid': 'profile-email' }, profile.email),
      h('dt', null, 'Roles'),
      h('dd', { 'data-testid': 'profile-roles' }, profile.roles.join(', ') || '—'),
    ),
  );
}

function securityCard(): HTMLElement {
  return h(
    'section',
    { class: 'card', 'data-testid': 'security-link-card' },
    h('h2', null, 'Security'),
    h('p', null, 'See where you are signed in, add a passkey, or change your password.'),
    link({ name: 'security' }, { class: 'button', 'data-testid': 'security-link' }, 'Security settings'),
  );
}

function mfaCard(ctx: PageContext, profile: Profile): HTMLElement {
  const section = h('section', { class: 'card', 'data-testid': 'mfa' }, h('h2', null, 'Two-step verification'));
  if (profile.mfa.totp) {
    section.append(h('p', { 'data-testid': 'totp-status' }, 'Authenticator app: on. Sign-in asks for a code from your app.'));
    return section;
  }
  const start = h('button', { type: 'button', class: 'button button-primary', 'data-testid': 'totp-enroll' }, 'Set up an authenticator app');
  start.addEventListener('click', () => {
    void whileBusy(start, 'Preparing…', async () => {
      try {
        const enrollment = await enrollTotp();
        if (ctx.isCurrent()) mount(section, h('h2', null, 'Two-step verification'), enrollForm(ctx, section, enrollment));
      } catch (error) {
        ctx.fail(error);
      }
    });
  });
  section.append(h('p', { 'data-testid': 'totp-status' }, 'Authenticator app: off. Add one so a stolen password is not enough to get in.'), start);
  return section;
}

function enrollForm(ctx: PageContext, section: HTMLElement, enrollment: TotpEnrollment): HTMLElement {
  const code = input({ autocomplete: 'one-time-code', inputmode: 'numeric', required: true, maxlength: 10, 'data-testid': 'totp-code' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'totp-confirm' }, 'Turn on');
  const form = h('form', { class: 'form' }, field('Code from the app', code), submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(submit, 'Checking…', async () => {
      try {
        const { recoveryCodes } = await confirmTotp(code.value.replace(/\s/g, ''));
        if (!ctx.isCurrent()) return;
        ctx.clearAlerts();
        mount(section, h('h2', null, 'Two-step verification'), recoveryCodesView(recoveryCodes));
      } catch (error) {
        code.value = '';
        // A 401 here is a wrong code, not an expired session.
        reportFormError(ctx, error);
      }
    });
  });
  return h(
    'div',
    { class: 'totp-enroll' },
    h('p', null, 'Scan this code with your authenticator app, or type the secret in by hand. Then enter the 6-digit code it shows.'),
    // The data: URL comes from the server; dom.h only allows data:image/... for <img src>.
    h('img', { class: 'qr', src: enrollment.qrCodeDataUrl, alt: 'QR code for your authenticator app', width: 200, height: 200, 'data-testid': 'totp-qr' }),
    h('p', null, 'Secret: ', h('code', { class: 'secret', 'data-testid': 'totp-secret' }, groupSecret(enrollment.secret))),
    form,
  );
}

function recoveryCodesView(codes: string[]): HTMLElement {
  return h(
    'div',
    { class: 'recovery' },
    h('p', { 'data-testid': 'totp-status' }, 'Authenticator app: on.'),
    h('p', { class: 'warning' }, 'Save these recovery codes somewhere safe. Each works once if you lose your phone. They will not be shown again.'),
    h('ul', { class: 'recovery-codes', 'data-testid': 'recovery-codes' }, codes.map((c) => h('li', null, h('code', null, c)))),
  );
}

/** Base32 secrets are easier to type in groups of four. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
