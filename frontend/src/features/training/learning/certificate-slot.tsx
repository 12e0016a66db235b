/** A participant's certificate (download, verification link), shown beside a completed training (filled by the certificate area). */
export function CertificateSlot(_props: { enrolmentId: string }) {
  return null;
}
