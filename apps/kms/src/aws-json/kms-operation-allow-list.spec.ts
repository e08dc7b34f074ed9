import { describe, expect, it } from 'vitest';
import { KMS_OPERATIONS, operationFromTarget } from './kms-operation';
import { KMS_CLIENTS, mayCallOperation } from './kms-operation-allow-list';

const allowedTo = (identity: string) => KMS_OPERATIONS.filter((operation) => mayCallOperation(identity, operation)).sort();

describe('the kms per-identity, per-operation allow-list', () => {
  it('gives the payment vault exactly the data-key operations, DescribeKey, and rotating its key and reading its rotations', () => {
    expect(allowedTo('payment-vault')).toEqual([
      'Decrypt',
      'DescribeKey',
      'GenerateDataKey',
      'GenerateDataKeyWithoutPlaintext',
      'GetKeyRotationStatus',
      'ListKeyRotations',
      'ReEncrypt',
      'RotateKeyOnDemand',
    ]);
  });

  it('keeps taking a key out of use (deletion, cancel, enable, disable) to the ops identity alone', () => {
    for (const operation of ['ScheduleKeyDeletion', 'CancelKeyDeletion', 'EnableKey', 'DisableKey', 'DisableKeyVersion'] as const) {
      expect(KMS_OPERATIONS.filter((candidate) => candidate === operation)).toHaveLength(1);
      expect(['ops', 'payment-vault'].filter((identity) => mayCallOperation(identity, operation)), operation).toEqual(['ops']);
    }
  });

  it('gives the ops identity key administration and never an operation that returns or moves a data key', () => {
    const ops = allowedTo('ops');
    expect(ops).toContain('CreateKey');
    expect(ops).toContain('RotateKeyOnDemand');
    for (const dataKeyOperation of ['GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'Decrypt', 'ReEncrypt', 'Encrypt']) expect(ops).not.toContain(dataKeyOperation);
  });

  it('admits no other identity, and no caller without one', () => {
    expect([...KMS_CLIENTS].sort()).toEqual(['ops', 'payment-vault']);
    for (const identity of ['gateway', 'order', 'catalog', 'kms', 'monitor', 'auth']) expect(allowedTo(identity), identity).toEqual([]);
    expect(KMS_OPERATIONS.some((operation) => mayCallOperation(undefined, operation))).toBe(false);
  });

  it('reads the operation from X-Amz-Target only with the TrentService prefix', () => {
    expect(operationFromTarget('TrentService.CreateKey')).toBe('CreateKey');
    expect(operationFromTarget('CreateKey')).toBeUndefined();
    expect(operationFromTarget('TrentService.ScheduleKeyDeletion')).toBe('ScheduleKeyDeletion');
    expect(operationFromTarget('TrentService.ConnectCustomKeyStore')).toBeUndefined();
    expect(operationFromTarget('TrentService.toString')).toBeUndefined();
    expect(operationFromTarget(undefined)).toBeUndefined();
  });
});
