import type { OpenAPIObject } from '@nestjs/swagger';

/** Where the committed description lives (relative to the repo root); the build copies it to dist/web/openapi.json. */
export const OPENAPI_FILE = 'docs/openapi.json';

export function serialise(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
