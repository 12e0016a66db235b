import '../strings';
import { Button, Card, Descriptions, Flex, Result, Typography } from 'antd';
import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/language-switch';
import { LoadingState } from '@/components/states';
import { isApiError } from '@/lib/api/problem';
import { formatIsoDate } from '@/lib/format/date';
import { useVerifyCertificate } from '../api/certificates';

/**
 * The public page behind a certificate's QR code: whether the certificate is valid or revoked, with the holder,
 * course, partner, completion date and number — nothing else. Works without signing in, in Vietnamese and English.
 */
export function VerifyCertificateRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const query = useVerifyCertificate(code);
  const v = (key: string) => t(`trainingCertificates.verify.${key}`);

  useEffect(() => {
    document.title = `${t('trainingCertificates.verify.title')} · ${t('app.name')}`;
  }, [t]);

  let body: React.ReactNode;
  if (query.isPending) body = <LoadingState />;
  else if (query.isError)
    body = isApiError(query.error, 404) ? (
      <Result status="warning" title={v('notFound')} subTitle={v('notFoundHint')} data-testid="verify-not-found" />
    ) : (
      <Result
        status="warning"
        title={v('error')}
        extra={<Button onClick={() => void query.refetch()}>{v('retry')}</Button>}
      />
    );
  else {
    const c = query.data;
    const valid = c.status === 'Valid';
    body = (
      <Flex vertical gap={8}>
        <Result
          status={valid ? 'success' : 'error'}
          title={valid ? v('valid') : v('revoked')}
          subTitle={!valid && c.revokedOn ? t('trainingCertificates.verify.revokedOn', { date: formatIsoDate(c.revokedOn) }) : undefined}
          data-testid={valid ? 'verify-valid' : 'verify-revoked'}
          style={{ padding: '16px 0' }}
        />
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'holder', label: v('holder'), children: <strong>{c.holderName}</strong> },
            { key: 'course', label: v('course'), children: c.courseTitle },
            { key: 'partner', label: v('partner'), children: c.partnerName },
            { key: 'completedOn', label: v('completedOn'), children: formatIsoDate(c.completedOn) },
            { key: 'number', label: v('number'), children: c.number },
          ]}
        />
      </Flex>
    );
  }

  return (
    <main style={{ minHeight: '100vh', padding: '16px 12px', display: 'flex', justifyContent: 'center', boxSizing: 'border-box' }}>
      <Flex vertical gap={12} style={{ width: '100%', maxWidth: 640 }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
          <LanguageSwitch size="small" />
        </Flex>
        <Card
          title={
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
              {v('title')}
            </Typography.Title>
          }
        >
          <Typography.Paragraph type="secondary">{v('subtitle')}</Typography.Paragraph>
          {body}
        </Card>
      </Flex>
    </main>
  );
}

export { VerifyCertificateRoute as Component };
