import { describe, expect, it } from 'vitest';
import { normalizeCommandLine, normalizePath, normalizeText, removeSqlComments } from './normalize';

describe('normalisation', () => {
  it.each([
    ['%2527', "'"],
    ['%253Cscript%253E', '<script>'],
    ['%u003Cscript%u003E', '<script>'],
    ['\\u003cscript\\u003e', '<script>'],
    ['&lt;ScRiPt&gt;', '<script>'],
    ['&#x3c;&#60;&#0000060', '<<<'],
    ['a%00b', 'ab'],
    ['  a \t\t b  ', 'a b'],
    ['a\r\n\r\nb', 'a\nb'],
    ['%c0%ae%c0%ae%c0%af', '../'],
    ['Zo%C3%AB', 'zoë'],
    ['100%', '100%'],
    ['%E0%A4%A', 'à¤%a'],
  ])('normalizeText(%j) = %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('removes SQL comments, keeping MySQL executable comment bodies', () => {
    expect(removeSqlComments("1/**/union/**/select")).toBe('1 union select');
    expect(removeSqlComments("admin' -- rest")).toBe("admin'");
    expect(removeSqlComments("1 #x\nor 1=1")).toBe('1 \nor 1=1');
    expect(removeSqlComments('/*!50000union*/ select')).toBe('union select');
  });

  it('reads command lines the way a shell would', () => {
    expect(normalizeCommandLine("c'a't${ifs}/etc/passwd")).toBe('cat /etc/passwd');
    expect(normalizeCommandLine('w\\ho\\am\\i')).toBe('whoami');
  });

  it('resolves ./, ../, // and backslashes in paths without going above the root', () => {
    expect(normalizePath('/static/..//.env')).toBe('/.env');
    expect(normalizePath('/a/./b\\..\\c/')).toBe('/a/c/');
    expect(normalizePath('/../../etc/passwd')).toBe('/etc/passwd');
  });
});
