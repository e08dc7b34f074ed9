import './styles.css';
import { refreshSession } from './api/session';
import { App } from './app';
import { createLayout } from './layout';
import { loadVisitor } from './store';

/** Bootstrap: draw the frame, restore a session from the refresh cookie if there is one, then route. */
async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) throw new Error('missing #app');
  let app: App | null = null;
  const layout = createLayout(() => app?.navigate({ name: 'catalog', q: '', page: 1 }, { notice: 'You are signed out.' }));
  root.replaceChildren(layout.root);
  app = new App(layout.outlet);

  // The access token lives in memory, so a reload starts signed out until the httpOnly cookie is traded in.
  if (await refreshSession()) await loadVisitor();
  app.start();
}

void main();
