import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type AssertionTarget, InternalAssertionSigner } from '@storefront/identity/assertion';
import { loadTlsIdentity } from '@storefront/platform/mtls';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/**
 * Signs the gateway's statement "this request is from user X" for upstreams
 * that cannot check access tokens. It signs with the private key of the
 * gateway's own mTLS certificate, so the upstream verifies it against the
 * certificate of the connection it arrived on and no extra secret exists.
 */
@Injectable()
export class AssertionIssuer implements OnModuleInit {
  private signer?: InternalAssertionSigner;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async onModuleInit(): Promise<void> {
    // Loaded at startup so a missing or unusable key stops the gateway instead of failing the first card.
    this.signer = await InternalAssertionSigner.fromPrivateKeyPem(loadTlsIdentity(this.config.TLS_DIR, 'gateway').key);
  }

  issue(userId: string, target: AssertionTarget): Promise<string> {
    if (!this.signer) throw new Error('AssertionIssuer used before module init');
    return this.signer.sign(userId, target);
  }
}
