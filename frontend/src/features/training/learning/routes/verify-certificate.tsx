import '../strings';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CertificateCheckPage } from '@/components/certificates/certificate-check-page';
import { formatIsoDate } from '@/lib/format/date';
import { useVerifyCertificate } from '../api/certificates';

/**
 * The public page behind a course certificate's QR code: whether the certificate is valid or revoked, with the holder,
 * course, partner, completion date and number — nothing else. Works without signing in, in Vietnamese and English.
 */
export function VerifyCertificateRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  return (
    <CertificateCheckPage
      query={useVerifyCertificate(code)}
      strings="trainingCertificates.verify"
      rows={(c) => [
        { key: 'course', label: t('trainingCertificates.verify.course'), children: c.courseTitle },
        { key: 'partner', label: t('trainingCertificates.verify.partner'), children: c.partnerName },
        { key: 'completedOn', label: t('trainingCertificates.verify.completedOn'), children: formatIsoDate(c.completedOn) },
      ]}
    />
  );
}

export { VerifyCertificateRoute as Component };
