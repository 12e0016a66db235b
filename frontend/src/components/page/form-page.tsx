import { Card, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the browser tab after the screen: "<title> · <app>". */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

/**
 * The frame of a screen that creates or edits one record: the tab's title and a card headed by the screen's one
 * `h1` (`heading`, when it says more than the tab, e.g. "Edit: 405/KH-LĐLĐ").
 */
export function FormPage({ title, heading, children }: { title: string; heading?: ReactNode; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
          {heading ?? title}
        </Typography.Title>
      }
    >
      {children}
    </Card>
  );
}

/** A screen's one `h1` and the tab's title, for screens that are not a list or a form card. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0, marginBottom: 12, whiteSpace: 'normal' }}>
      {children ?? title}
    </Typography.Title>
  );
}
