import { link, pageHeading } from '../components';
import { h, mount } from '../dom';
import type { PageContext } from '../page';

export function renderNotFound(ctx: PageContext): void {
  ctx.setTitle('Not found');
  mount(
    ctx.view,
    pageHeading('Page not found'),
    h('p', null, 'There is nothing at this address. ', link({ name: 'catalog', q: '', page: 1 }, null, 'Back to the shop'), '.'),
  );
}
