import { registerDecorator, type ValidationOptions } from 'class-validator';

export const MAX_DETAIL_KEYS = 32;
export const MAX_DETAIL_STRING_LENGTH = 512;
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;

/** True for a plain object of at most 32 keys whose values are short strings, finite numbers or booleans. */
export function isFlatDetails(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_DETAIL_KEYS) return false;
  return entries.every(([key, item]) => {
    if (!DETAIL_KEY.test(key)) return false;
    if (typeof item === 'string') return item.length <= MAX_DETAIL_STRING_LENGTH;
    if (typeof item === 'number') return Number.isFinite(item);
    return typeof item === 'boolean';
  });
}

/** Event details must stay flat: no nesting, no arrays, bounded size (see isFlatDetails). */
export function IsFlatDetails(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isFlatDetails',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must be a flat object of at most ${MAX_DETAIL_KEYS} keys with string (≤ ${MAX_DETAIL_STRING_LENGTH} chars), number or boolean values`,
        ...options,
      },
      validator: { validate: isFlatDetails },
    });
}
