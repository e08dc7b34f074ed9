import { type AccessReview, type AccessReviewOverview, getAccessReview, getAccessReviewOverview, type LiveGrant, startAccessReview } from '../api/access-reviews';
import { loading, pageHeading } from '../components';
import { h, mount } from '../dom';
import { formatDate } from '../format';
import type { PageContext } from '../page';
import { describeReview, pollReview, REVIEW_POLL_MS } from './admin-access-poll';

/**
 * Access reviews, for admins: the last review (when, how started, what it
 * examined and revoked), every live staff grant with its last use, and a
 * button that runs a review now and shows its progress until it finishes.
 */
export async function renderAdminAccess(ctx: PageContext): Promise<void> {
  ctx.setTitle('Access reviews');
  const policy = h('p', { class: 'muted', 'data-testid': 'access-policy' });
  const lastReview = h('div', { 'data-testid': 'access-last-review' }, loading('Loading the last review…'));
  const grants = h('div', { 'data-testid': 'access-grants' });
  const progress = h('p', { 'data-testid': 'access-review-progress', 'aria-live': 'polite' });
  const runButton = h('button', { type: 'button', class: 'button', 'data-testid': 'access-review-run' }, 'Run review now');

  const refresh = async (): Promise<void> => {
    const overview = await getAccessReviewOverview(ctx.signal);
    if (!ctx.isCurrent()) return;
    showOverview(overview);
  };
  const showOverview = (overview: AccessReviewOverview): void => {
    const schedule = overview.intervalHours > 0 ? `Runs every ${overview.intervalHours} h` : 'No schedule: runs only when started here';
    mount(policy, `${schedule}; a staff grant unused for ${overview.unusedAfterDays} days is revoked, and its holder signed out.`);
    const [latest] = overview.reviews;
    mount(lastReview, latest ? reviewSummary(latest) : h('p', { class: 'empty', 'data-testid': 'access-no-review' }, 'No review has run yet.'));
    mount(grants, overview.grants.length === 0 ? h('p', { class: 'empty' }, 'Nobody holds a staff role.') : grantTable(overview.grants));
  };

  runButton.addEventListener('click', () => {
    runButton.disabled = true;
    runButton.setAttribute('aria-busy', 'true');
    mount(progress, 'Queuing a review…');
    startAccessReview()
      .then(({ id }) =>
        pollReview({
          get: () => getAccessReview(id, ctx.signal),
          wait: () => new Promise((resolve) => setTimeout(resolve, REVIEW_POLL_MS)),
          isCurrent: () => ctx.isCurrent(),
          onProgress: (review) => mount(progress, describeReview(review, formatDate)),
        }),
      )
      .then(async (finished) => {
        if (!ctx.isCurrent()) return;
        if (!finished) mount(progress, 'The review is still running; it will show here once it finishes.');
        await refresh();
      })
      .catch((error: unknown) => {
        mount(progress, '');
        ctx.fail(error);
      })
      .finally(() => {
        runButton.disabled = false;
        runButton.removeAttribute('aria-busy');
      });
  });

  mount(
    ctx.view,
    pageHeading('Access reviews'),
    policy,
    h('section', { class: 'card', 'aria-label': 'Last review' }, h('h2', null, 'Last review'), lastReview, h('div', { class: 'actions' }, runButton), progress),
    h('section', { class: 'card', 'aria-label': 'Live staff grants' }, h('h2', null, 'Live staff grants'), grants),
  );
  await refresh();
}

function reviewSummary(review: AccessReview): HTMLElement {
  return h(
    'dl',
    { class: 'review-summary', 'data-testid': 'access-review-summary', 'data-review-id': review.id, 'data-status': review.status },
    h('dt', null, 'Started'),
    h('dd', null, formatDate(review.startedAt)),
    h('dt', null, 'Trigger'),
    h('dd', { 'data-testid': 'access-review-trigger' }, review.trigger === 'manual' ? 'Started by an admin' : 'Schedule'),
    h('dt', null, 'Finished'),
    h('dd', null, review.finishedAt ? formatDate(review.finishedAt) : 'Running…'),
    h('dt', null, 'Grants examined'),
    h('dd', { 'data-testid': 'access-review-examined' }, String(review.examined)),
    h('dt', null, 'Grants revoked'),
    h('dd', { 'data-testid': 'access-review-revoked' }, String(review.revoked)),
  );
}

function grantTable(grants: LiveGrant[]): HTMLElement {
  return h(
    'table',
    { class: 'alert-table' },
    h('thead', null, h('tr', null, ['Account', 'Role', 'Granted', 'Last used'].map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      null,
      grants.map((grant) =>
        h(
          'tr',
          { 'data-testid': 'access-grant-row', 'data-role': grant.role },
          h('td', null, grant.email),
          h('td', null, h('code', null, grant.role)),
          h('td', null, formatDate(grant.grantedAt)),
          h('td', { 'data-testid': 'access-grant-last-used' }, grant.lastUsedAt ? formatDate(grant.lastUsedAt) : 'Never'),
        ),
      ),
    ),
  );
}
