import { loading, pageHeading } from '../components';
import { h, mount } from '../dom';
import type { PageContext } from '../page';
import { getRewrapProgress, type RewrapProgress, rotateMasterKeyNow } from './admin-keys-api';
import { describeRewrap, percentOnCurrent, REWRAP_POLL_MS } from './admin-keys-progress';

/**
 * Card-data keys, for admins: how many stored card keys are on the vault
 * master key's newest version, a button that rotates the master key now, and
 * a progress bar that follows the rewrap of every stored key to the new
 * version. The gateway refuses everyone without keys:rotate (and a fresh
 * second factor); this page only shows what it answers.
 */
export async function renderAdminKeys(ctx: PageContext): Promise<void> {
  ctx.setTitle('Card-data keys');
  const bar = h('progress', { max: '100', value: '0', 'data-testid': 'keys-rewrap-bar', 'aria-label': 'Card keys on the newest version' });
  const status = h('p', { 'data-testid': 'keys-rewrap-status', 'aria-live': 'polite' }, loading('Loading…'));
  const rotateButton = h('button', { type: 'button', class: 'button', 'data-testid': 'keys-rotate-now' }, 'Rotate now');

  const show = (progress: RewrapProgress): void => {
    bar.setAttribute('value', String(percentOnCurrent(progress)));
    mount(status, describeRewrap(progress));
  };
  // Polls while a run is going (and while the visitor stays); each answer moves the bar.
  const follow = async (): Promise<void> => {
    for (;;) {
      const progress = await getRewrapProgress(ctx.signal);
      if (!ctx.isCurrent()) return;
      show(progress);
      if (!progress.running) return;
      await new Promise((resolve) => setTimeout(resolve, REWRAP_POLL_MS));
    }
  };

  rotateButton.addEventListener('click', () => {
    rotateButton.disabled = true;
    rotateButton.setAttribute('aria-busy', 'true');
    mount(status, 'Rotating the master key…');
    rotateMasterKeyNow()
      .then((progress) => {
        if (!ctx.isCurrent()) return undefined;
        show(progress);
        return follow();
      })
      .catch((error: unknown) => ctx.fail(error))
      .finally(() => {
        rotateButton.disabled = false;
        rotateButton.removeAttribute('aria-busy');
      });
  });

  mount(
    ctx.view,
    pageHeading('Card-data keys'),
    h(
      'p',
      { class: 'muted' },
      'Each stored card has its own data key, wrapped by the vault master key in the key service. The master key rotates every 90 days on its own; rotating now wraps every stored card key under a new version, without decrypting any card.',
    ),
    h('section', { class: 'card', 'aria-label': 'Rewrap progress' }, h('h2', null, 'Stored card keys'), bar, status, h('div', { class: 'actions' }, rotateButton)),
  );
  await follow();
}
