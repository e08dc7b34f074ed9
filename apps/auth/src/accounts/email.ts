/** One spelling per address: lookups and the unique index both see the lowercased, trimmed form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** class-transformer hook for DTOs: normalizes strings, leaves anything else for the validators to refuse. */
export const toNormalizedEmail = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? normalizeEmail(value) : value);
