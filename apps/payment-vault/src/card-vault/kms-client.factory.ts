import https from 'node:https';
import { KMSClient } from '@aws-sdk/client-kms';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { CORRELATION_HEADER, currentCorrelationId } from '@storefront/platform/logging';
import { type TlsIdentity, watchTlsIdentity } from '@storefront/platform/mtls';

/** The emulator serves one region; the SDK needs one to build its signing scope. */
const KMS_REGION = 'us-east-1';
const CONNECT_TIMEOUT_MS = 2_000;
const REQUEST_TIMEOUT_MS = 5_000;

/**
 * The real AWS SDK client, pointed at the KMS emulator over mutual TLS as
 * identity `payment-vault`. Swapping in real AWS KMS later means changing
 * the endpoint and credentials, not this code's callers.
 */
export function createKmsClient(endpoint: string, identity: TlsIdentity): KMSClient {
  const agentFor = (presented: TlsIdentity) =>
    new https.Agent({
      keepAlive: true,
      key: presented.key,
      cert: presented.cert,
      ca: presented.ca,
      minVersion: 'TLSv1.3',
      // Accept only the kms identity from the project CA (not any service certificate the CA issued).
      checkServerIdentity: (_host, cert) => (cert.subject?.CN === 'kms' ? undefined : new Error(`expected the kms certificate, got ${cert.subject?.CN}`)),
    });
  const requestHandler = new NodeHttpHandler({ httpsAgent: agentFor(identity), connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS });
  // Certificates are short-lived and renewed on disk: new connections to the kms present the renewed one, without a restart.
  const stopReloading = watchTlsIdentity(identity, (renewed) => requestHandler.updateHttpClientConfig('httpsAgent', agentFor(renewed)));
  const client = new KMSClient({
    region: KMS_REGION,
    endpoint,
    // The SDK always signs with SigV4. The emulator authenticates the mTLS certificate instead, so these are placeholders, not secrets.
    credentials: { accessKeyId: 'STOREFRONTVAULT', secretAccessKey: 'unused-the-kms-authenticates-by-mtls' },
    requestHandler,
    // One retry for a transient failure; beyond that the caller gets a prompt 503 rather than a hanging checkout.
    maxAttempts: 2,
  });
  // ServiceClient forwards the correlation id on every internal call; the SDK needs telling, so one request reads as one story across vault and kms logs.
  client.middlewareStack.add(
    (next) => async (args) => {
      const correlationId = currentCorrelationId();
      const request = args.request as { headers?: Record<string, string> } | undefined;
      if (correlationId && request?.headers) request.headers[CORRELATION_HEADER] = correlationId;
      return next(args);
    },
    { step: 'build', name: 'storefrontCorrelationId' },
  );
  const destroy = client.destroy.bind(client);
  client.destroy = () => {
    stopReloading();
    destroy();
  };
  return client;
}
