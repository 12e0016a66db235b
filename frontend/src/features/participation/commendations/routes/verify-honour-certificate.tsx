import '../strings';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CertificateCheckPage } from '@/components/certificates/certificate-check-page';
import { formatIsoDate } from '@/lib/format/date';
import { useVerifyHonourCertificate } from '../api/honouring';

/**
 * The public page behind a commendation certificate's QR code (no sign-in): valid or revoked, with only what the
 * certificate prints — the honouree, the form, the decision, the issuing unit and the event (Decree 13/2023/NĐ-CP
 * art. 3: no more personal data than the purpose needs). The same page as Training's certificate check.
 */
export function VerifyHonourCertificateRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  return (
    <CertificateCheckPage
      query={useVerifyHonourCertificate(code)}
      strings="honouring.verify"
      rows={(c) => [
        { key: 'form', label: t('honouring.verify.form'), children: c.formName },
        {
          key: 'decision',
          label: t('honouring.verify.decision'),
          children: t('honouring.verify.decisionText', { number: c.decisionNumber, date: formatIsoDate(c.decisionDate) }),
        },
        { key: 'issuer', label: t('honouring.verify.issuer'), children: c.issuingUnitName },
        { key: 'event', label: t('honouring.verify.event'), children: `${c.eventName} (${formatIsoDate(c.heldOn)})` },
      ]}
    />
  );
}

export { VerifyHonourCertificateRoute as Component };
