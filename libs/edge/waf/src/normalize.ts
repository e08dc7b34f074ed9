/**
 * The transformations CRS applies before matching (t:urlDecodeUni, t:htmlEntityDecode,
 * t:jsDecode, t:removeNulls, t:lowercase, t:compressWhitespace, t:replaceComments,
 * t:normalizePath, t:cmdLine), written as plain string functions. Each is linear in the
 * input: simple global regexes with no nesting, so no input can make them backtrack.
 */

// Enough for URL inside %u inside URL; each pass stops early when nothing changes.
const MAX_DECODE_PASSES = 4;

// Overlong UTF-8 forms of '.', '/' and '\' that old decoders accepted; attackers still send them.
const OVERLONG = /%(?:c0%ae|e0%80%ae|c0%af|e0%80%af|c1%9c|c0%2f|c1%1c)/gi;
const OVERLONG_CHAR: Record<string, string> = { ae: '.', af: '/', '9c': '\\', '2f': '/', '1c': '\\' };

const PERCENT_U = /%u([0-9a-f]{4})/gi;
const BACKSLASH_U = /\\u\{?([0-9a-f]{4})\}?/gi;
const BACKSLASH_X = /\\x([0-9a-f]{2})/gi;
// A run with a newline stays one newline: it ends SQL `--` comments and separates shell commands.
const WHITESPACE_RUN = /[\s\u00a0\u2000-\u200b\u2028\u2029\u3000\ufeff]+/g;
const PERCENT_RUN = /(?:%[0-9a-f]{2})+/gi;

function decodePercentRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    // Not valid UTF-8: decode byte by byte so the ASCII payload still shows.
    return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/** One pass of URL decoding, including IIS %uXXXX and overlong dots and slashes. */
export function urlDecodeOnce(value: string): string {
  if (!value.includes('%')) return value;
  // %u first: `%u0025c0%u0025af` only becomes the overlong `%c0%af` once it is decoded.
  return value
    .replace(PERCENT_U, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(OVERLONG, (m) => OVERLONG_CHAR[m.slice(-2).toLowerCase()] ?? m)
    .replace(PERCENT_RUN, decodePercentRun);
}

export function jsDecode(value: string): string {
  if (!value.includes('\\')) return value;
  return value
    .replace(BACKSLASH_U, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(BACKSLASH_X, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const NAMED_ENTITIES: Record<string, string> = {
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', sol: '/', bsol: '\\', lpar: '(', rpar: ')',
  colon: ':', semi: ';', equals: '=', grave: '`', tab: '\t', newline: '\n', num: '#', percnt: '%', dollar: '$',
  lsqb: '[', rsqb: ']', lcub: '{', rcub: '}', excl: '!', quest: '?', period: '.', comma: ',', plus: '+', ast: '*',
};
// The ';' is optional, as browsers accept `&#60` and `&lt` too.
const ENTITY = /&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|([a-z]{2,8}));?/gi;

export function htmlEntityDecode(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? parseInt(dec, 10) : -1;
    if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? m;
  });
}

/**
 * Decodes until stable (URL, double URL, unicode escapes, HTML entities), removes null
 * bytes, lowercases and compresses whitespace. The base form every rule sees.
 */
export function normalizeText(value: string): string {
  let current = value;
  for (let pass = 0; pass < MAX_DECODE_PASSES; pass++) {
    const next = htmlEntityDecode(jsDecode(urlDecodeOnce(current)));
    if (next === current) break;
    current = next;
  }
  return current
    .replace(/\0/g, '')
    .toLowerCase()
    .replace(WHITESPACE_RUN, (run) => (run.includes('\n') ? '\n' : ' '))
    .trim();
}

/** Removes SQL comments, keeping MySQL's executable `/*!50000 ... *\/` content, which the server runs. */
export function removeSqlComments(text: string): string {
  if (!/\/\*|--|#/.test(text)) return text;
  return text
    .replace(/\/\*!\d{0,6}/g, ' ')
    .replace(/\/\*[^*]*(?:\*+[^*/][^*]*)*(?:\*+\/|$)/g, ' ')
    .replace(/\*\//g, ' ')
    .replace(/(?:--|#)[^\n]*/g, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * The shell's view of a value (like t:cmdLine): quotes, backslashes and carets vanish,
 * $IFS and friends become spaces, so `c'a't${IFS}/etc/passwd` reads `cat /etc/passwd`.
 */
export function normalizeCommandLine(text: string): string {
  return text
    .replace(/\$\{?ifs\}?|\$\{?9\}?|\$@/g, ' ')
    .replace(/["'\\^]/g, '')
    .replace(/,/g, ' ')
    .replace(/ {2,}/g, ' ');
}

/** Resolves backslashes, `//`, `./` and `../` so `/static/..//.env` reads `/.env`. */
export function normalizePath(text: string): string {
  const segments = text.replace(/\\/g, '/').split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '.' || (segment === '' && out.length > 0)) continue;
    if (segment === '..') {
      if (out.length > 1) out.pop();
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  return text.endsWith('/') && !joined.endsWith('/') ? `${joined}/` : joined;
}
