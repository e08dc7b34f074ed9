import forge from 'node-forge';

export interface KeyAndCertificate {
  keyPem: string;
  certPem: string;
}

export interface IssueOptions {
  commonName: string;
  dnsNames: string[];
  ipAddresses?: string[];
  validDays: number;
}

const RSA_BITS = 2048;

function newSerial(): string {
  // Positive 128-bit serial, as RFC 5280 asks for unpredictable serials.
  return '01' + forge.util.bytesToHex(forge.random.getBytesSync(15));
}

function generateKeyPair(): forge.pki.rsa.KeyPair {
  // node-forge delegates to Node's native generator when it is available, so this takes milliseconds.
  return forge.pki.rsa.generateKeyPair({ bits: RSA_BITS, e: 0x10001 });
}

function validity(cert: forge.pki.Certificate, days: number) {
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 60_000); // tolerate small clock skew between services
  cert.validity.notAfter = new Date(now.getTime() + days * 86_400_000);
}

/** A self-signed root that issues every service's certificate. */
export function createCertificateAuthority(commonName: string, validDays: number): KeyAndCertificate {
  const keys = generateKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = newSerial();
  validity(cert, validDays);
  const subject = [{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'Storefront development CA' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true, pathLenConstraint: 0 },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { keyPem: forge.pki.privateKeyToPem(keys.privateKey), certPem: forge.pki.certificateToPem(cert) };
}

/** A leaf for one service identity, usable as both TLS server and TLS client (mutual TLS). */
export function issueCertificate(ca: KeyAndCertificate, options: IssueOptions): KeyAndCertificate {
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const keys = generateKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = newSerial();
  validity(cert, options.validDays);
  cert.setSubject([{ name: 'commonName', value: options.commonName }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...options.dnsNames.map((value) => ({ type: 2, value })),
        ...(options.ipAddresses ?? []).map((ip) => ({ type: 7, ip })),
      ],
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { keyPem: forge.pki.privateKeyToPem(keys.privateKey), certPem: forge.pki.certificateToPem(cert) };
}

export function certificateExpiry(certPem: string): Date {
  return forge.pki.certificateFromPem(certPem).validity.notAfter;
}

/** When a certificate starts and stops being valid, and the IP addresses its SAN names. */
export function describeCertificate(certPem: string): { notBefore: Date; notAfter: Date; ipAddresses: string[] } {
  const cert = forge.pki.certificateFromPem(certPem);
  const san = cert.getExtension('subjectAltName') as { altNames?: Array<{ type: number; ip?: string }> } | null;
  const ipAddresses = (san?.altNames ?? []).filter((name) => name.type === 7 && name.ip).map((name) => name.ip as string);
  return { notBefore: cert.validity.notBefore, notAfter: cert.validity.notAfter, ipAddresses };
}
