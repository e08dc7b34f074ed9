import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { STOREFRONT_EXCLUSIONS, type WafExclusion, type WafRequest } from '@storefront/edge/waf';

/** tools/waf-bench/src in the source tree, dist/tools/waf-bench/src once built, or the working directory. */
const CORPUS_CANDIDATES = [path.resolve(__dirname, '../../../e2e/waf-corpus'), path.resolve(__dirname, '../../../../e2e/waf-corpus'), path.resolve('e2e/waf-corpus')];

export interface CorpusEntry extends WafRequest {
  readonly id: string;
  /** An attack class, or `benign`. */
  readonly expect: string;
  readonly encoding: string;
  readonly placement: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies?: string;
}

export interface Corpus {
  readonly byClass: ReadonlyMap<string, readonly CorpusEntry[]>;
  readonly benign: readonly CorpusEntry[];
  readonly exclusions: readonly WafExclusion[];
}

function corpusDir(): string {
  for (const dir of CORPUS_CANDIDATES) {
    try {
      readdirSync(dir);
      return dir;
    } catch {
      // try the next candidate
    }
  }
  throw new Error('e2e/waf-corpus not found: run from the repository root');
}

function readJsonLines(file: string): CorpusEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusEntry);
}

export function loadCorpus(): Corpus {
  const dir = corpusDir();
  const byClass = new Map<string, CorpusEntry[]>();
  for (const file of readdirSync(path.join(dir, 'attacks')).filter((f) => f.endsWith('.jsonl')).sort()) {
    byClass.set(file.replace(/\.jsonl$/, ''), readJsonLines(path.join(dir, 'attacks', file)));
  }
  return {
    byClass,
    benign: readJsonLines(path.join(dir, 'benign', 'shop.jsonl')),
    exclusions: STOREFRONT_EXCLUSIONS,
  };
}
