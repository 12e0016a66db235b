import '../strings';
import { Button, Card, Descriptions, Flex, Result, Typography } from 'antd';
import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/language-switch';
import { LoadingState } from '@/components/states';
import { isApiError } from '@/lib/api/problem';
import { formatIsoDate } from '@/lib/format/date';
import { useVerifyHonourCertificate } from '../api/honouring';

/**
 * The public page behind a commendation certificate's QR code (no sign-in): valid or revoked, with only what the
 * certificate prints — the honouree, the form, the decision, the issuing unit and the event (Decree 13/2023/NĐ-CP
 * art. 3: no more personal data than the purpose needs). Same layout as Training's certificate check.
 */
export function VerifyHonourCertificateRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const query = useVerifyHonourCertificate(code);
  const v = (key: string) => t(`honouring.verify.${key}`);

  useEffect(() => {
    document.title = `${t('honouring.verify.title')} · ${t('app.name')}`;
  }, [t]);

  let body: React.ReactNode;
  if (query.isPending) body = <LoadingState />;
  else if (query.isError)
    body = isApiError(query.error, 404) ? (
      <Result status="warning" title={v('notFound')} subTitle={v('notFoundHint')} data-testid="verify-not-found" />
    ) : (
      <Result status="warning" title={v('error')} extra={<Button onClick={() => void query.refetch()}>{v('retry')}</Button>} />
    );
  else {
    const c = query.data;
    const valid = c.status === 'Valid';
    body = (
      <Flex vertical gap={8}>
        <Result
          status={valid ? 'success' : 'error'}
          title={valid ? v('valid') : v('revoked')}
          subTitle={!valid && c.revokedOn ? t('honouring.verify.revokedOn', { date: formatIsoDate(c.revokedOn) }) : undefined}
          data-testid={valid ? 'verify-valid' : 'verify-revoked'}
          style={{ padding: '16px 0' }}
        />
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'holder', label: v('holder'), children: <strong>{c.holderName}</strong> },
            { key: 'form', label: v('form'), children: c.formName },
            {
              key: 'decision', label: v('decision'),
              children: t('honouring.verify.decisionText', { number: c.decisionNumber, date: formatIsoDate(c.decisionDate) }),
            },
            { key: 'issuer', label: v('issuer'), children: c.issuingUnitName },
            { key: 'event', label: v('event'), children: `${c.eventName} (${formatIsoDate(c.heldOn)})` },
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

export { VerifyHonourCertificateRoute as Component };
