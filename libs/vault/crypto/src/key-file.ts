import { readFileSync } from 'node:fs';

export type KeyFileProblem = 'unreadable' | 'malformed';

/**
 * Reads a secret key file holding base64 of exactly `bytes` bytes (as the
 * launcher writes them). Returns the key, or why it cannot be used; the
 * content itself never appears in the answer.
 */
export function readBase64KeyFile(file: string, bytes: number): { key: Buffer } | { problem: KeyFileProblem } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    return { problem: 'unreadable' };
  }
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (key.length === bytes) return { key };
  key.fill(0);
  return { problem: 'malformed' };
}

/** The rule to show next to the variable's name when readBase64KeyFile fails. */
export function describeKeyFileProblem(problem: KeyFileProblem, bytes: number): string {
  return problem === 'unreadable' ? 'must name a readable file' : `must hold base64 of exactly ${bytes} bytes`;
}
