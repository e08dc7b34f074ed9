import type { TargetKind } from '../waf.types';

/** Where user-controlled data lands in a shop request: CRS's ARGS|ARGS_NAMES|REQUEST_COOKIES|User-Agent|Referer. */
export const USER_INPUT: readonly TargetKind[] = ['argValue', 'argName', 'cookie', 'userAgent', 'referer'];

/** Everything a client controls, headers included (log4shell fires from any logged header). */
export const EVERYWHERE: readonly TargetKind[] = ['argValue', 'argName', 'cookie', 'userAgent', 'referer', 'header', 'path'];
