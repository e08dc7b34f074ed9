import { createHash } from 'node:crypto';

export interface ImageSubject {
  id: string;
  name: string;
  category: string;
}

const WIDTH = 480;
const HEIGHT = 360;
const MAX_CAPTION = 34;

// Characters XML 1.0 does not allow at all (C0 controls except tab, newline, return; lone surrogates; U+FFFE/U+FFFF).
// Matching control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML element content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Up to two initials: the first letter or digit of the first two words ("O'Reilly Field Guide" → "OF"). */
export function initialsOf(name: string): string {
  const initials = name
    .split(/\s+/)
    .map((word) => /[\p{L}\p{N}]/u.exec(word)?.[0])
    .filter((letter): letter is string => Boolean(letter))
    .slice(0, 2)
    .join('')
    .toUpperCase();
  return initials || '?';
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Two hues derived from a hash, so the same product always gets the same colours. */
function palette(subject: ImageSubject): { background: string; disc: string } {
  const hue = createHash('sha256').update(`${subject.category}\u0000${subject.id}`).digest().readUInt16BE(0) % 360;
  return { background: `hsl(${hue}, 48%, 38%)`, disc: `hsl(${(hue + 35) % 360}, 62%, 62%)` };
}

/**
 * A deterministic placeholder picture for a product. Every piece of product
 * text is escaped: names are data, and an SVG is a document that could run
 * script if markup got in.
 */
export function renderProductImage(subject: ImageSubject): string {
  const { background, disc } = palette(subject);
  const name = escapeXml(subject.name);
  const caption = escapeXml(truncate(subject.name, MAX_CAPTION));
  const category = escapeXml(truncate(subject.category, MAX_CAPTION));
  const initials = escapeXml(initialsOf(subject.name));
  const font = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif" text-anchor="middle"';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${name}">`,
    `<title>${name}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${background}"/>`,
    `<circle cx="${WIDTH / 2}" cy="150" r="92" fill="${disc}"/>`,
    `<text x="${WIDTH / 2}" y="176" ${font} font-size="76" font-weight="700" fill="#ffffff">${initials}</text>`,
    `<text x="${WIDTH / 2}" y="292" ${font} font-size="24" font-weight="600" fill="#ffffff">${caption}</text>`,
    `<text x="${WIDTH / 2}" y="324" ${font} font-size="16" fill="#ffffff" fill-opacity="0.8">${category}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
