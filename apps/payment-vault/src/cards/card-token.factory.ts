import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// 248 = 4 × 62: bytes at or above it are dropped so every character is equally likely (no modulo bias).
const UNBIASED_LIMIT = 248;
const TOKEN_CHARS = 24;

export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < UNBIASED_LIMIT && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** Card tokens: `tok_` + 24 random base62 characters (about 143 bits), unguessable and meaningless outside the vault. */
@Injectable()
export class CardTokenFactory {
  next(): string {
    return `tok_${randomBase62(TOKEN_CHARS)}`;
  }
}
