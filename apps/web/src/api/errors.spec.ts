import { describe, expect, it } from 'vitest';
import { ApiError, parseApiError } from './errors';

describe('parseApiError', () => {
  it('reads the contract envelope', () => {
    const error = parseApiError(402, { error: { code: 'CARD_DECLINED', message: 'Your card was declined.' } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 402, code: 'CARD_DECLINED', message: 'Your card was declined.' });
  });

  it('fills in a code and message missing from the envelope', () => {
    expect(parseApiError(409, { error: { code: 'OUT_OF_STOCK' } })).toMatchObject({ code: 'OUT_OF_STOCK', message: expect.stringMatching(/conflict/i) });
    expect(parseApiError(400, { error: { message: 'Bad card' } })).toMatchObject({ code: 'HTTP_400', message: 'Bad card' });
  });

  it('accepts a framework-default body', () => {
    expect(parseApiError(400, { statusCode: 400, message: ['email must be an email', 'name is too long'] })).toMatchObject({
      code: 'HTTP_400',
      message: 'email must be an email; name is too long',
    });
  });

  it('never shows an HTML or text body to the user', () => {
    const error = parseApiError(403, '<html><body>Request blocked by WAF rule 942100</body></html>');
    expect(error.message).toBe('This request was blocked.');
    expect(parseApiError(503, null).message).toMatch(/trouble/);
    expect(parseApiError(418, undefined).message).toMatch(/went wrong/);
  });

  it('clips very long messages', () => {
    const error = parseApiError(400, { error: { code: 'X', message: 'a'.repeat(1000) } });
    expect(error.message.length).toBe(300);
  });

  it('keeps the edge shield reference of a blocked request, and only a well-formed one', () => {
    const blocked = parseApiError(403, { error: { code: 'REQUEST_BLOCKED', message: 'Blocked by the edge shield.', reference: 'EDGE-1A2B3C4D' } });
    expect(blocked).toMatchObject({ code: 'REQUEST_BLOCKED', reference: 'EDGE-1A2B3C4D' });
    expect(parseApiError(403, { error: { code: 'REQUEST_BLOCKED', message: 'x', reference: '<img src=x>' } }).reference).toBeUndefined();
  });
});
