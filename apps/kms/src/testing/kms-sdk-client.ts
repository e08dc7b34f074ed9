import https from 'node:https';
import { KMSClient } from '@aws-sdk/client-kms';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { TlsIdentity } from '@storefront/platform/mtls';

/** The real AWS SDK client, authenticated to the emulator by the mTLS certificate of `tls` (one identity of the test PKI). */
export function kmsSdkClient(url: string, tls: TlsIdentity): KMSClient {
  return new KMSClient({
    region: 'us-east-1',
    endpoint: url,
    // The SDK insists on signing with SigV4; the emulator ignores the signature and trusts the client certificate.
    credentials: { accessKeyId: 'AKIDSTOREFRONTTEST', secretAccessKey: 'not-used-mtls-authenticates' },
    requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ key: tls.key, cert: tls.cert, ca: tls.ca }) }),
    maxAttempts: 1,
  });
}
