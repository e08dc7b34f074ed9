import { Pool, type Dispatcher } from 'undici';
import type { CorpusEntry } from './corpus';

/** The Host every target sees: a name, so CRS rule 920350 (numeric Host) does not add points to every request. */
export const BENCH_HOST = 'shop.example';

export interface HttpTarget {
  readonly label: string;
  /** Origin of the server under test, e.g. http://127.0.0.1:38081 or the gateway's https://127.0.0.1:8443. */
  readonly url: string;
  readonly insecure?: boolean;
}

export function dispatcherFor(target: HttpTarget, connections: number): Dispatcher {
  const connect = target.insecure ? { rejectUnauthorized: false } : undefined;
  return new Pool(target.url, { connections, pipelining: 1, connect });
}

/** Turns a corpus entry into the exact bytes a client would send. */
export function toHttpRequest(entry: CorpusEntry): Dispatcher.RequestOptions {
  const headers: Record<string, string> = { ...entry.headers, host: BENCH_HOST };
  if (entry.cookies) headers['cookie'] = entry.cookies;
  let body: string | undefined;
  if (entry.body !== undefined) {
    body = typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body);
    headers['content-type'] = entry.contentType ?? (typeof entry.body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json');
  }
  return { method: entry.method as Dispatcher.HttpMethod, path: entry.query ? `${entry.path}?${entry.query}` : entry.path, headers, body };
}

/** Sends one entry; returns the status, or 0 when the client could not even send it. */
export async function send(dispatcher: Dispatcher, entry: CorpusEntry): Promise<number> {
  try {
    const response = await dispatcher.request(toHttpRequest(entry));
    await response.body.dump();
    return response.statusCode;
  } catch {
    return 0;
  }
}
