import { stepUpRequest } from './step-up';

export interface ServiceCertificate {
  service: string;
  certificate?: { identity: string; subjectAltNames: string[]; validFrom: string; validTo: string; fingerprint256: string };
  note?: string;
}

export async function listServiceCertificates(signal?: AbortSignal): Promise<ServiceCertificate[]> {
  const { services } = await stepUpRequest<{ services: ServiceCertificate[] }>('/api/admin/certificates', { signal });
  return services;
}
