import { describe, expect, it } from 'vitest';
import { isSafeUrl } from './safe-url';

describe('isSafeUrl', () => {
  it('accepts root-relative paths and in-page hashes', () => {
    expect(isSafeUrl('/api/products/1/image.svg')).toBe(true);
    expect(isSafeUrl('#/cart')).toBe(true);
  });

  it('rejects script URLs, other origins and protocol-relative tricks', () => {
    for (const url of ['javascript:alert(1)', ' javascript:alert(1)', 'https://evil.example/x.png', '//evil.example/x', '/\\evil.example', '/a\tb', 'data:text/html,<script>alert(1)</script>']) {
      expect(isSafeUrl(url), url).toBe(false);
    }
  });

  it('accepts data:image URLs only when asked to', () => {
    const qr = 'data:image/png;base64,iVBORw0KGgo=';
    expect(isSafeUrl(qr)).toBe(false);
    expect(isSafeUrl(qr, { allowDataImage: true })).toBe(true);
    expect(isSafeUrl('data:text/html;base64,PHNjcmlwdD4=', { allowDataImage: true })).toBe(false);
  });
});
