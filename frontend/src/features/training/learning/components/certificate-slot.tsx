import '../strings';
import { Button, Flex, Tag, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDownloadCertificate, useMyCertificates, verifyPathOf } from '../api/certificates';

/**
 * A participant's certificate beside a completed training in "my trainings": download the PDF and open the public
 * verification page. Renders nothing while loading or when the enrolment has no certificate.
 */
export function CertificateSlot({ enrolmentId }: { enrolmentId: string }) {
  const { t } = useTranslation();
  const mine = useMyCertificates();
  const download = useDownloadCertificate();
  const certificate = mine.data?.find((c) => c.enrolmentId === enrolmentId);
  if (!certificate) return null;
  const revoked = certificate.revokedAt != null;
  return (
    <Flex wrap gap={8} align="center" data-testid="certificate-slot">
      <SafetyCertificateOutlined aria-hidden />
      <Typography.Text>{t('trainingCertificates.slot.number', { number: certificate.number })}</Typography.Text>
      {revoked && <Tag color="red">{t('trainingCertificates.slot.revoked')}</Tag>}
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={download.isPending}
        onClick={() => download.mutate(certificate)}
      >
        {t('trainingCertificates.slot.download')}
      </Button>
      <Link to={verifyPathOf(certificate)} target="_blank" rel="noopener">
        {t('trainingCertificates.slot.verify')}
      </Link>
    </Flex>
  );
}
