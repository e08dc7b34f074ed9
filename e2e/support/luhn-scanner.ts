import { passesLuhn } from '@storefront/shared/cards';

/**
 * Finds what could be a card number in any text (a database dump, Redis
 * values, log files): every run of 13–19 digits, bare or grouped by single
 * spaces or dashes, not glued to other digits, that passes the Luhn check.
 * The same definition as the logger's PAN scrubber, so the proof checks for
 * exactly what the store promises never to write.
 *
 * Nothing is dropped silently: a hit that is explainably not a card number
 * is returned classified (with the reason), and the caller decides and shows it.
 */

// 13–19 digits, optionally grouped by single spaces or dashes, not glued to other digits.
const CANDIDATE = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;
// Epoch milliseconds (13 digits), alone or as a Redis stream / BullMQ id "<ms>-<sequence>".
const EPOCH_MS = /^(\d{13})(?:-\d{1,6})?$/;
// Hex as PostgreSQL writes bytea (\x...) in a dump: a card number stored as raw bytes would only show there as hex.
const BYTEA_HEX = /\\x((?:[0-9a-fA-F]{2})+)/g;
const CONTEXT_CHARS = 40;
// A hex token this long (digest, ciphertext, bytea) holds digit runs by chance: 16 hex characters are all digits
// with probability (10/16)^16, about 1 in 1,900, and a tenth of those pass Luhn.
const MIN_HEX_TOKEN = 32;
const HEX = /[0-9a-fA-F]/;
const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
const UUID_LENGTH = 36;
// YYYYMMDDhhmmss, as Prisma names its migrations (20261125120000_add_x).
const COMPACT_DATETIME = /^(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])([0-5]\d)([0-5]\d)$/;

export type HitKind =
  /** Luhn-valid and unexplained: treat as a card number. */
  | 'card-like'
  /** A 13-digit epoch-milliseconds value inside the run's time window (pino "time", stream ids, job timestamps). */
  | 'epoch-ms'
  /** 14 digits that are a date-time YYYYMMDDhhmmss of this century (Prisma migration names). */
  | 'compact-datetime'
  /** Bare digits inside a long hex token with letters (a digest, ciphertext or bytea in hex): random bytes, not a number. */
  | 'hex-fragment'
  /** The tail groups of a UUID that happen to be all digits ("…-8123-456789012345"): the scan's dash grouping joins them. */
  | 'uuid-fragment';

export interface LuhnHit {
  kind: HitKind;
  digits: string;
  /** The text around the hit, to show why it was (not) a card number. */
  context: string;
  /** Where the text came from: a file, a table, a Redis key. */
  source: string;
}

export interface ScanOptions {
  /** Epoch-ms values in [from, to] are classified as timestamps, not card numbers. Without it, nothing is. */
  timeWindow?: { from: number; to: number };
}

/** The maximal run of hex characters around [start, end) of `text`. */
function hexTokenAround(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > 0 && HEX.test(text[from - 1])) from -= 1;
  while (to < text.length && HEX.test(text[to])) to += 1;
  return text.slice(from, to);
}

/** Whether [start, end) of `text` lies inside one UUID. */
function insideUuid(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - UUID_LENGTH);
  for (const uuid of text.slice(from, end + UUID_LENGTH).matchAll(UUID)) {
    if (from + uuid.index <= start && from + uuid.index + uuid[0].length >= end) return true;
  }
  return false;
}

function classify(text: string, match: string, at: number, options: ScanOptions): HitKind {
  const epoch = EPOCH_MS.exec(match);
  const window = options.timeWindow;
  if (epoch && window) {
    const ms = Number(epoch[1]);
    if (ms >= window.from && ms <= window.to) return 'epoch-ms';
  }
  if (COMPACT_DATETIME.test(match)) return 'compact-datetime';
  if (insideUuid(text, at, at + match.length)) return 'uuid-fragment';
  if (/^\d+$/.test(match)) {
    const token = hexTokenAround(text, at, at + match.length);
    if (token.length >= MIN_HEX_TOKEN && /[a-fA-F]/.test(token)) return 'hex-fragment';
  }
  return 'card-like';
}

/** Every Luhn-valid 13–19 digit run in `text`, classified. */
export function scanForLuhnRuns(text: string, source: string, options: ScanOptions = {}): LuhnHit[] {
  const hits: LuhnHit[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (!passesLuhn(digits)) continue;
    const at = match.index;
    hits.push({
      kind: classify(text, match[0], at, options),
      digits,
      context: text.slice(Math.max(0, at - CONTEXT_CHARS), at + match[0].length + CONTEXT_CHARS),
      source,
    });
  }
  return hits;
}

/**
 * The text of every bytea hex literal in a dump, decoded (as latin1): a card
 * number written as raw bytes shows in the dump only as hex ("3432…"), which
 * a scan of the dump's text alone would miss.
 */
export function decodeByteaHex(dump: string): string[] {
  return [...dump.matchAll(BYTEA_HEX)].map((m) => Buffer.from(m[1], 'hex').toString('latin1'));
}

/** Scans a text and the bytes hidden in its bytea hex literals. */
export function scanDump(dump: string, source: string, options: ScanOptions = {}): LuhnHit[] {
  return [...scanForLuhnRuns(dump, source, options), ...decodeByteaHex(dump).flatMap((decoded) => scanForLuhnRuns(decoded, `${source} (bytea)`, options))];
}

/** Each way `pan` could be spelled in storage: bare, grouped in fours, as hex of its ASCII, as base64 of its ASCII (unpadded). */
export function spellingsOf(pan: string): string[] {
  const groups = pan.match(/.{1,4}/g) ?? [pan];
  const ascii = Buffer.from(pan, 'ascii');
  return [pan, groups.join(' '), groups.join('-'), ascii.toString('hex'), ascii.toString('base64').replace(/=+$/, '')];
}
