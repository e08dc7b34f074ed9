import { getLabEvents, getLabRun, startLabRun } from '../api/attack-lab';
import { link, pageHeading } from '../components';
import { h, mount } from '../dom';
import type { PageContext } from '../page';
import { followRun, LAB_POLL_MS } from './attack-lab-follow';
import { livePanel } from './attack-lab-live';
import { ATTACK_SCENARIOS, type AttackScenarioInfo } from './attack-lab-scenarios';
import { ATTACK_LAYERS } from './attack-lab-trace';
import { rolesHold, rolesInToken } from './staff-access';

/** The demo account that may launch attacks from the page (security-analyst). */
const LAB_ACCOUNT = 'security@storefront.test';

/**
 * The attack lab: what `npm run attack` throws at the store and which of
 * the six layers stops each attack. For everyone it is the scenario list
 * generated from the harness (nothing a visitor could not read in the
 * repository). Staff holding attack-lab:run also get a Launch button per
 * scenario and a live trace built from the run's requests and the
 * monitor's security events; the gateway checks that permission (and a
 * fresh second factor) on every call, the button is only a convenience.
 */
export function renderAttackLab(ctx: PageContext): void {
  ctx.setTitle('Attack lab');
  const launcher = rolesHold(rolesInToken(), 'attack-lab:run') ? labLauncher(ctx) : null;
  mount(
    ctx.view,
    pageHeading('Attack lab'),
    h(
      'p',
      null,
      `These ${ATTACK_SCENARIOS.length} attacks are run against this store by its own test suite. Each names the layer of defence that must stop it and checks the stop by what an attacker or a defender can observe: a status and error code, a closed connection, a locked account.`,
    ),
    launcher
      ? [h('p', { 'data-testid': 'lab-launch-hint' }, 'Launch one below: it runs against this store now, and the trace shows each request pass through the six layers, where it was stopped, and the events the monitor recorded.'), launcher.panel]
      : h(
          'p',
          { class: 'muted', 'data-testid': 'lab-sign-in-hint' },
          'To launch these attacks from this page and watch them live, ',
          link({ name: 'sign-in', next: '/attack-lab' }, null, `sign in as ${LAB_ACCOUNT}`),
          ' (the security analyst; admins may too).',
        ),
    h('h2', null, 'Run them yourself'),
    h(
      'ol',
      null,
      h('li', null, 'Start the store: ', h('code', null, 'npm start'), ' (wait for "The store is open").'),
      h('li', null, 'In another terminal: ', h('code', null, 'npm run attack'), ' (or ', h('code', null, 'npm run attack -- --only waf-payloads,totp-replay'), ').'),
      h('li', null, 'Read the scorecard it prints, or open ', h('code', null, 'test-results/attack-report.html'), '. It exits non-zero if any attack got through.'),
    ),
    ...ATTACK_LAYERS.map(({ number }) => layerSection(number, ATTACK_SCENARIOS.filter((s) => s.layer === number), launcher)),
  );
}

interface Launcher {
  panel: HTMLElement;
  button(scenario: AttackScenarioInfo): HTMLButtonElement;
}

/** The Launch buttons and the live panel: one run at a time, so a launch disables every button until its run finishes. */
function labLauncher(ctx: PageContext): Launcher {
  const live = livePanel();
  const buttons: HTMLButtonElement[] = [];
  // A newer launch ends the older follower (still waiting for late events) so two never draw on one panel.
  let generation = 0;
  const setRunning = (active: HTMLButtonElement | null): void => {
    for (const button of buttons) {
      button.disabled = active !== null;
      if (button === active) {
        button.setAttribute('aria-busy', 'true');
        button.textContent = 'Running…';
      } else {
        button.removeAttribute('aria-busy');
        button.textContent = 'Launch';
      }
    }
  };
  const launch = async (scenario: AttackScenarioInfo, button: HTMLButtonElement): Promise<void> => {
    const mine = ++generation;
    setRunning(button);
    let released = false;
    const release = (): void => {
      if (released || generation !== mine) return;
      released = true;
      setRunning(null);
    };
    try {
      const run = await startLabRun(scenario.id);
      if (!ctx.isCurrent()) return;
      live.begin(run);
      await followRun(run, {
        getRun: (id) => getLabRun(id, ctx.signal),
        getEvents: (prefix) => getLabEvents(prefix, ctx.signal),
        wait: () => new Promise((resolve) => setTimeout(resolve, LAB_POLL_MS)),
        isCurrent: () => ctx.isCurrent() && generation === mine,
        onUpdate: (latest, events) => {
          live.show(latest, events);
          if (latest.state === 'finished') release();
        },
      });
    } finally {
      release();
    }
  };
  return {
    panel: live.element,
    button(scenario) {
      const button = h('button', { type: 'button', class: 'button button-secondary lab-launch', 'data-testid': 'lab-launch', 'data-scenario': scenario.id, 'aria-label': `Launch ${scenario.id}` }, 'Launch');
      button.addEventListener('click', () => void launch(scenario, button).catch((error: unknown) => ctx.fail(error)));
      buttons.push(button);
      return button;
    },
  };
}

function layerSection(layer: number, scenarios: readonly AttackScenarioInfo[], launcher: Launcher | null): HTMLElement | null {
  if (scenarios.length === 0) return null;
  return h(
    'section',
    { class: 'attack-layer', 'data-layer': layer },
    h('h2', null, `Layer ${layer} · ${scenarios[0].layerName}`),
    h(
      'ul',
      null,
      scenarios.map((s) =>
        h('li', { 'data-testid': 'attack-scenario', 'data-scenario': s.id }, launcher ? launcher.button(s) : null, h('strong', null, s.title), h('br'), 'Stopped means: ', s.stoppedMeans, ' ', h('code', { class: 'muted' }, s.id)),
      ),
    ),
  );
}
