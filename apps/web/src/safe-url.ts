// Raster and SVG data URLs are inert inside <img> (SVG scripts never run there); the CSP allows img-src data:.
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i;

export interface SafeUrlOptions {
  /** Allow data:image/... (only for <img src>, e.g. the TOTP QR code from the server). */
  allowDataImage?: boolean;
}

/**
 * Whether a URL may be put in an href/src. Only same-origin, root-relative paths and
 * in-page hashes pass: this blocks javascript:, other origins and protocol-relative tricks
 * (`//evil`, `/\evil`) even if an API response were tampered with.
 */
export function isSafeUrl(url: string, options: SafeUrlOptions = {}): boolean {
  // Control characters and backslashes are how scheme checks get smuggled past parsers.
  if ([...url].some(isControlOrBackslash)) return false;
  if (url.startsWith('#')) return true;
  if (url.startsWith('/') && !url.startsWith('//')) return true;
  return options.allowDataImage === true && DATA_IMAGE.test(url);
}

function isControlOrBackslash(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f || char === '\\';
}
