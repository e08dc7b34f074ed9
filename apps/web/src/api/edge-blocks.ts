import { stepUpRequest } from './step-up';

/** A source blocked at the edge until `until` (by security staff or by the monitor's automatic response). */
export interface EdgeBlock {
  entry: string;
  until: string;
}

export async function listEdgeBlocks(signal?: AbortSignal): Promise<EdgeBlock[]> {
  const { blocks } = await stepUpRequest<{ blocks: EdgeBlock[] }>('/api/admin/edge/blocks', { signal });
  return blocks;
}

export function blockSource(entry: string, minutes: number): Promise<EdgeBlock> {
  return stepUpRequest('/api/admin/edge/blocks', { method: 'POST', body: { entry, minutes } });
}

export function unblockSource(entry: string): Promise<void> {
  return stepUpRequest(`/api/admin/edge/blocks?entry=${encodeURIComponent(entry)}`, { method: 'DELETE' });
}
