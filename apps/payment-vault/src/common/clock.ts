/** The current time, injected so tests can control it. */
export type Clock = () => Date;
export const CLOCK = Symbol('CLOCK');
