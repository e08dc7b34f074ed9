import { describe, expect, it } from 'vitest';
import { aliasArn, keyArn, parseKeyReference } from './kms-arn';

const ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

describe('parseKeyReference', () => {
  it('accepts a key id, a key ARN, an alias name and an alias ARN', () => {
    expect(parseKeyReference(ID)).toEqual({ kind: 'key', keyId: ID });
    expect(parseKeyReference(keyArn(ID))).toEqual({ kind: 'key', keyId: ID });
    expect(parseKeyReference('alias/vault-cards')).toEqual({ kind: 'alias', aliasName: 'alias/vault-cards' });
    expect(parseKeyReference(aliasArn('alias/vault-cards'))).toEqual({ kind: 'alias', aliasName: 'alias/vault-cards' });
  });

  it('refuses ARNs of another account or region and anything malformed', () => {
    expect(parseKeyReference(`arn:aws:kms:eu-west-1:000000000000:key/${ID}`)).toBeUndefined();
    expect(parseKeyReference(`arn:aws:kms:us-east-1:111122223333:key/${ID}`)).toBeUndefined();
    expect(parseKeyReference('not-a-key')).toBeUndefined();
    expect(parseKeyReference('alias/')).toBeUndefined();
    expect(parseKeyReference(`key/${ID}`)).toBeUndefined();
    expect(parseKeyReference("alias/x'; drop table keys")).toBeUndefined();
  });
});
