import { pageHeading } from '../components';
import { h, mount } from '../dom';
import type { PageContext } from '../page';
import { ATTACK_SCENARIOS, type AttackScenarioInfo } from './attack-lab-scenarios';

const LAYER_NUMBERS = [1, 2, 3, 4, 5, 6] as const;

/**
 * The attack lab: what `npm run attack` throws at the store and which of
 * the six layers stops each attack. Static and public: it reads the
 * scenario list generated from the harness, never the running store, so
 * it reveals nothing a visitor could not read in the repository.
 */
export function renderAttackLab(ctx: PageContext): void {
  ctx.setTitle('Attack lab');
  mount(
    ctx.view,
    pageHeading('Attack lab'),
    h(
      'p',
      null,
      `These ${ATTACK_SCENARIOS.length} attacks are run against this store by its own test suite. Each names the layer of defence that must stop it and checks the stop by what an attacker or a defender can observe: a status and error code, a closed connection, a locked account.`,
    ),
    h('h2', null, 'Run them yourself'),
    h(
      'ol',
      null,
      h('li', null, 'Start the store: ', h('code', null, 'npm start'), ' (wait for "The store is open").'),
      h('li', null, 'In another terminal: ', h('code', null, 'npm run attack'), ' (or ', h('code', null, 'npm run attack -- --only waf-payloads,totp-replay'), ').'),
      h('li', null, 'Read the scorecard it prints, or open ', h('code', null, 'test-results/attack-report.html'), '. It exits non-zero if any attack got through.'),
    ),
    ...LAYER_NUMBERS.map((layer) => layerSection(layer, ATTACK_SCENARIOS.filter((s) => s.layer === layer))),
  );
}

function layerSection(layer: number, scenarios: readonly AttackScenarioInfo[]): HTMLElement | null {
  if (scenarios.length === 0) return null;
  return h(
    'section',
    { class: 'attack-layer', 'data-layer': layer },
    h('h2', null, `Layer ${layer} · ${scenarios[0].layerName}`),
    h(
      'ul',
      null,
      scenarios.map((s) =>
        h('li', { 'data-testid': 'attack-scenario', 'data-scenario': s.id }, h('strong', null, s.title), h('br'), 'Stopped means: ', s.stoppedMeans, ' ', h('code', { class: 'muted' }, s.id)),
      ),
    ),
  );
}
