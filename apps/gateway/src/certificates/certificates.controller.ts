import { X509Certificate } from 'node:crypto';
import { Controller, Get, Header, Inject, UseGuards } from '@nestjs/common';
import { PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { loadTlsIdentity, type PeerCertificate } from '@storefront/platform/mtls';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { UPSTREAM_NAMES, Upstreams } from '../core/upstreams';

export interface ServiceCertificateView {
  service: string;
  /** Absent when the gateway cannot reach the service by design (the vault zone's KMS). */
  certificate?: PeerCertificate;
  note?: string;
}

/**
 * Layer 2 made visible: each service's certificate identity and expiry, as
 * the gateway sees it on the wire over mutual TLS (its own from its file).
 * The KMS sits in the vault zone, out of the gateway's reach on purpose.
 */
@Controller('api/admin/certificates')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('certificates:read')
export class CertificatesController {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly upstreams: Upstreams,
  ) {}

  @Get()
  @Header('cache-control', 'no-store')
  async list(): Promise<{ services: ServiceCertificateView[] }> {
    const upstreams = await Promise.all(
      UPSTREAM_NAMES.map(async (service): Promise<ServiceCertificateView> => {
        try {
          return { service, certificate: await this.upstreams.get(service).peerCertificate() };
        } catch {
          return { service, note: 'not answering right now' };
        }
      }),
    );
    return {
      services: [
        { service: 'gateway', certificate: this.ownCertificate() },
        ...upstreams,
        { service: 'kms', note: 'in the vault zone: only the payment vault can reach it' },
      ],
    };
  }

  private ownCertificate(): PeerCertificate {
    const cert = new X509Certificate(loadTlsIdentity(this.config.TLS_DIR, 'gateway').cert);
    return {
      identity: /CN=([^\n,]+)/.exec(cert.subject)?.[1] ?? '',
      subjectAltNames: (cert.subjectAltName ?? '').split(', ').filter(Boolean),
      validFrom: new Date(cert.validFrom).toISOString(),
      validTo: new Date(cert.validTo).toISOString(),
      fingerprint256: cert.fingerprint256,
    };
  }
}
