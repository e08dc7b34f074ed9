import { describe, expect, it } from 'vitest';
import { CardTokenFactory } from './card-token.factory';

describe('CardTokenFactory', () => {
  it('makes tok_ followed by 24 base62 characters', () => {
    expect(new CardTokenFactory().next()).toMatch(/^tok_[A-Za-z0-9]{24}$/);
  });
  it('does not repeat itself', () => {
    const factory = new CardTokenFactory();
    const tokens = new Set(Array.from({ length: 1000 }, () => factory.next()));
    expect(tokens.size).toBe(1000);
  });
});
