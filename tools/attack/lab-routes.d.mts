import type { RunView } from './lab-runs.mjs';

export const MAX_BODY_BYTES: number;
export function labResponse(
  runs: { launch(body: unknown): RunView; find(id: string): RunView },
  request: { method: string; url: string; identity: string | undefined; rawBody?: string },
): { status: number; body: unknown };
