import { blockSource, type EdgeBlock, listEdgeBlocks, unblockSource } from '../api/edge-blocks';
import { field, input } from '../components';
import { h, mount } from '../dom';
import { formatDate } from '../format';
import type { PageContext } from '../page';

/**
 * Layer 1's blocklist on the security desk: the sources blocked at the edge
 * right now (by staff or by the monitor), a form to block an address or
 * range for a while, and a button to lift a block. Every change is a
 * security event; the gateway applies it within two seconds.
 */
export function edgeBlocksPanel(ctx: PageContext): { element: HTMLElement; refresh: () => Promise<void> } {
  const rows = h('div', { 'data-testid': 'edge-blocks' });
  const entry = input({ name: 'entry', required: true, maxlength: 64, placeholder: '203.0.113.7 or 198.51.100.0/24', 'data-testid': 'edge-block-entry' });
  const minutes = input({ name: 'minutes', type: 'number', required: true, min: 1, max: 43_200, value: '60', 'data-testid': 'edge-block-minutes' });
  const form = h('form', { class: 'edge-block-form' }, field('Address or range', entry), field('Minutes', minutes), h('button', { type: 'submit', class: 'button', 'data-testid': 'edge-block-submit' }, 'Block'));

  const refresh = async (): Promise<void> => {
    const blocks = await listEdgeBlocks(ctx.signal);
    if (!ctx.isCurrent()) return;
    mount(rows, blocks.length === 0 ? h('p', { class: 'muted' }, 'No source is blocked.') : blockTable(blocks, (blocked) => void lift(blocked)));
  };

  const lift = async (blocked: string): Promise<void> => {
    try {
      await unblockSource(blocked);
      ctx.notice(`${blocked} is no longer blocked.`);
      await refresh();
    } catch (error) {
      ctx.fail(error);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    blockSource(entry.value.trim(), Number(minutes.value))
      .then(async (block) => {
        ctx.notice(`${block.entry} is blocked at the edge until ${formatDate(block.until)}.`);
        entry.value = '';
        await refresh();
      })
      .catch((error: unknown) => ctx.error(error instanceof Error ? error.message : 'The block was not saved.'));
  });

  const element = h('section', { class: 'card', 'aria-label': 'Blocked sources' }, h('h2', null, 'Blocked at the edge'), rows, form);
  return { element, refresh };
}

function blockTable(blocks: EdgeBlock[], onLift: (entry: string) => void): HTMLElement {
  return h(
    'table',
    { class: 'alert-table' },
    h('thead', null, h('tr', null, ['Source', 'Blocked until', ''].map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      null,
      blocks.map((block) => {
        const lift = h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'edge-block-lift' }, 'Unblock');
        lift.addEventListener('click', () => onLift(block.entry));
        return h('tr', { 'data-testid': 'edge-block-row', 'data-entry': block.entry }, h('td', null, h('code', null, block.entry)), h('td', null, formatDate(block.until)), h('td', null, lift));
      }),
    ),
  );
}
