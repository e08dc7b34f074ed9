/**
 * Waits for `work` at most `ms`, then rejects with `onTimeout()`. Giving up
 * cancels nothing: a Redis command still queued may run once Redis is back.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error = () => new Error(`gave up after ${ms} ms`)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
