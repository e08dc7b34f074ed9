import { describe, expect, it } from 'vitest';
import { escapeXml, initialsOf, renderProductImage } from './product-image';

const lamp = { id: '0b7c9a52-2f55-4c8e-9d1a-3e7b6f1c2d40', name: 'Last One Lamp', category: 'Home' };

describe('renderProductImage', () => {
  it('renders the same picture for the same product every time', () => {
    expect(renderProductImage(lamp)).toBe(renderProductImage({ ...lamp }));
  });

  it('gives different products different colours', () => {
    const other = renderProductImage({ ...lamp, id: 'a3f0e7f1-5d0b-4f43-8a55-bb2fd3f6a6c1' });
    const fill = (svg: string) => /<rect [^>]*fill="([^"]+)"/.exec(svg)?.[1];
    expect(fill(other)).not.toBe(fill(renderProductImage(lamp)));
  });

  it('escapes markup in product names so the SVG cannot carry script', () => {
    const svg = renderProductImage({ ...lamp, name: '<script>alert(1)</script> "quoted" & \'single\'', category: 'Books & <b>' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &apos;single&apos;');
    expect(svg).toContain('Books &amp; &lt;b&gt;');
  });

  it('drops characters XML forbids instead of emitting a broken document', () => {
    expect(escapeXml('a\u0000b\u001Fc\uFFFF')).toBe('abc');
  });

  it('shows the initials of the first two words', () => {
    expect(initialsOf("O'Reilly Field Guide")).toBe('OF');
    expect(initialsOf('Rock & Roll Vinyl')).toBe('RR');
    expect(initialsOf('élan vital')).toBe('ÉV');
    expect(initialsOf('&&&')).toBe('?');
  });
});
