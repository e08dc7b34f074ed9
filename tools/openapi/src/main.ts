import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatePublicApi } from './public-api';
import { OPENAPI_FILE, serialise } from './openapi-file';

/** `npm run openapi`: regenerates docs/openapi.json from the code. */
async function main(): Promise<void> {
  // npm runs scripts from the repository root (this file runs from dist/, so __dirname would not do).
  const root = process.cwd();
  if (!existsSync(path.join(root, 'apps'))) throw new Error('run this from the repository root: npm run openapi');
  process.stdout.write('Generating the public API description from the services...\n');
  const document = await generatePublicApi(root);
  writeFileSync(path.join(root, OPENAPI_FILE), serialise(document));
  process.stdout.write(`Wrote ${OPENAPI_FILE} (${Object.keys(document.paths).length} paths).\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
