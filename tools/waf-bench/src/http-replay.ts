import type { Corpus, CorpusEntry } from './corpus';
import { dispatcherFor, send, type HttpTarget } from './http-client';
import { progress } from './report';

export interface HttpClassResult {
  readonly detected: number;
  readonly total: number;
  /** Answers that were neither 403 nor 2xx (e.g. nginx's 400 for a path above the root). */
  readonly otherStatuses: Record<string, number>;
}

export interface HttpReplayResult {
  readonly byClass: Map<string, HttpClassResult>;
  readonly benignBlocked: CorpusEntry[];
  readonly benignTotal: number;
  /** Every attack entry's answer, for breakdowns by encoding or placement. */
  readonly statusById: Map<string, number>;
}

async function replayAll(target: HttpTarget, entries: readonly CorpusEntry[], label: string, concurrency: number): Promise<number[]> {
  const dispatcher = dispatcherFor(target, concurrency);
  const statuses = new Array<number>(entries.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < entries.length) {
        const index = next++;
        statuses[index] = await send(dispatcher, entries[index]);
        progress(label, ++done, entries.length);
      }
    }),
  );
  await dispatcher.close();
  return statuses;
}

/** Sends every corpus request over HTTP; 403 counts as detected (or, for benign traffic, as a false positive). */
export async function replayCorpus(target: HttpTarget, corpus: Corpus, concurrency = 8): Promise<HttpReplayResult> {
  const byClass = new Map<string, HttpClassResult>();
  const statusById = new Map<string, number>();
  for (const [cls, entries] of corpus.byClass) {
    const statuses = await replayAll(target, entries, `${target.label} ${cls}`, concurrency);
    entries.forEach((entry, i) => statusById.set(entry.id, statuses[i]));
    const otherStatuses: Record<string, number> = {};
    for (const status of statuses) if (status !== 403 && (status < 200 || status > 299)) otherStatuses[status] = (otherStatuses[status] ?? 0) + 1;
    byClass.set(cls, { detected: statuses.filter((s) => s === 403).length, total: entries.length, otherStatuses });
  }
  const statuses = await replayAll(target, corpus.benign, `${target.label} benign`, concurrency);
  return { byClass, benignBlocked: corpus.benign.filter((_, i) => statuses[i] === 403), benignTotal: corpus.benign.length, statusById };
}
