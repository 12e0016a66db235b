import { Button, Card, Descriptions, Flex, Result, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/language-switch';
import { LoadingState } from '@/components/states';
import { isApiError } from '@/lib/api/problem';
import { formatIsoDate } from '@/lib/format/date';

/** What every certificate check answers: valid or revoked (since when), whose it is and its number. */
export interface CheckedCertificate {
  status: string;
  revokedOn?: string | null;
  holderName: string;
  number: string;
}

/**
 * The public page behind a certificate's QR code (no sign-in), one layout for every kind of certificate (a course's,
 * an honouring's): valid in green or revoked in red, the holder, what the certificate is for (`rows`, only what the
 * certificate prints), its number; 404 says the code is unknown. The page's strings are under `strings` (title,
 * subtitle, valid, revoked, revokedOn, holder, number, notFound, notFoundHint, error, retry).
 */
export function CertificateCheckPage<T extends CheckedCertificate>({ query, strings, rows }: {
  query: UseQueryResult<T>;
  strings: string;
  rows: (certificate: T) => NonNullable<DescriptionsProps['items']>;
}) {
  const { t } = useTranslation();
  const text = (key: string, values: Record<string, string> = {}) => t(`${strings}.${key}`, values);
  const title = text('title');
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  let body: ReactNode;
  if (query.isPending) body = <LoadingState />;
  else if (query.isError)
    body = isApiError(query.error, 404) ? (
      <Result status="warning" title={text('notFound')} subTitle={text('notFoundHint')} data-testid="verify-not-found" />
    ) : (
      <Result status="warning" title={text('error')} extra={<Button onClick={() => void query.refetch()}>{text('retry')}</Button>} />
    );
  else {
    const c = query.data;
    const valid = c.status === 'Valid';
    body = (
      <Flex vertical gap={8}>
        <Result
          status={valid ? 'success' : 'error'}
          title={valid ? text('valid') : text('revoked')}
          subTitle={!valid && c.revokedOn ? text('revokedOn', { date: formatIsoDate(c.revokedOn) }) : undefined}
          data-testid={valid ? 'verify-valid' : 'verify-revoked'}
          style={{ padding: '16px 0' }}
        />
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'holder', label: text('holder'), children: <strong>{c.holderName}</strong> },
            ...rows(c),
            { key: 'number', label: text('number'), children: c.number },
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
              {title}
            </Typography.Title>
          }
        >
          <Typography.Paragraph type="secondary">{text('subtitle')}</Typography.Paragraph>
          {body}
        </Card>
      </Flex>
    </main>
  );
}
