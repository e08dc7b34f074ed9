import { normalizeCommandLine, normalizePath, normalizeText, removeSqlComments } from './normalize';
import type { InspectionTarget, TargetKind, Variant } from './waf.types';

/** Values longer than the limit are inspected as head + tail, so padding cannot push a payload out of view. */
function bound(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value;
  const half = Math.floor(maxLength / 2);
  return `${value.slice(0, half)} ${value.slice(-half)}`;
}

/** Computes each normalised form at most once, and only if some rule asks for it. */
export function createTarget(kind: TargetKind, location: string, raw: string, maxLength: number): InspectionTarget {
  const bounded = bound(raw, maxLength);
  const cache: Partial<Record<Variant, string>> = {};
  const compute = (name: Variant): string => {
    switch (name) {
      case 'text':
        return normalizeText(bounded);
      case 'sql':
        return removeSqlComments(variant('text'));
      case 'cmd':
        return normalizeCommandLine(variant('text'));
      case 'path':
        return normalizePath(variant('text'));
    }
  };
  function variant(name: Variant): string {
    return (cache[name] ??= compute(name));
  }
  return { kind, location, raw: bounded, variant };
}
