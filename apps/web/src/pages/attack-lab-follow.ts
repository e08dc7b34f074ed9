import type { LabEvents, LabRun } from '../api/attack-lab';

/** How often the page asks for the run and its events while it is going. */
export const LAB_POLL_MS = 1_000;
/** Events reach the monitor through a queue: after the run finished, keep asking this many more times. */
export const LAB_SETTLE_POLLS = 5;
/** Gives up following after this many polls (a scenario times out after 300 s in the runner). */
export const LAB_POLL_LIMIT = 600;

export interface FollowOptions {
  getRun: (id: string) => Promise<LabRun>;
  getEvents: (correlationPrefix: string) => Promise<LabEvents>;
  /** Waits between polls; the page passes a timer, tests pass an instant one. */
  wait: () => Promise<void>;
  /** False once the visitor left the page: stop asking. */
  isCurrent: () => boolean;
  onUpdate: (run: LabRun, events: LabEvents) => void;
  settlePolls?: number;
  limit?: number;
}

/**
 * Follows a launched run: the run and the monitor's events for its
 * correlation prefix, together, once a second, until the run has finished
 * and the queue had time to deliver its last events. Resolves with the
 * finished run, or null when the visitor left or the limit came first.
 */
export async function followRun(started: LabRun, options: FollowOptions): Promise<LabRun | null> {
  const settlePolls = options.settlePolls ?? LAB_SETTLE_POLLS;
  const limit = options.limit ?? LAB_POLL_LIMIT;
  let run = started;
  let afterFinish = 0;
  for (let attempt = 0; attempt < limit; attempt += 1) {
    if (!options.isCurrent()) return null;
    const [latest, events] = await Promise.all([attempt === 0 ? run : options.getRun(run.id), options.getEvents(run.correlationPrefix)]);
    if (!options.isCurrent()) return null;
    run = latest;
    options.onUpdate(run, events);
    if (run.state === 'finished') {
      afterFinish += 1;
      if (afterFinish > settlePolls) return run;
    }
    await options.wait();
  }
  return null;
}
