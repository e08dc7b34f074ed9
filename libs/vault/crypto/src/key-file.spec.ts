import { mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeKeyFileProblem, readBase64KeyFile } from './index';

function keyFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'key-file-')), 'key');
  writeFileSync(file, content);
  return file;
}

describe('readBase64KeyFile', () => {
  it('reads base64 of the expected size, tolerating a trailing newline', () => {
    const key = randomBytes(32);
    expect(readBase64KeyFile(keyFile(`${key.toString('base64')}\n`), 32)).toEqual({ key });
  });

  it('reports a key of the wrong size or not base64 as malformed', () => {
    expect(readBase64KeyFile(keyFile(randomBytes(16).toString('base64')), 32)).toEqual({ problem: 'malformed' });
    expect(readBase64KeyFile(keyFile('not a key!'), 32)).toEqual({ problem: 'malformed' });
  });

  it('reports a missing file as unreadable', () => {
    expect(readBase64KeyFile('/nonexistent/key', 32)).toEqual({ problem: 'unreadable' });
  });

  it('describes each problem without the content', () => {
    expect(describeKeyFileProblem('unreadable', 32)).toBe('must name a readable file');
    expect(describeKeyFileProblem('malformed', 32)).toBe('must hold base64 of exactly 32 bytes');
  });
});
