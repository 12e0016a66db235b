import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState, type ReactNode } from 'react';

/** A council document's download button, busy while its file is fetched. */
export function DownloadButton({ download, testId, children }: { download: () => Promise<unknown>; testId: string; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      data-testid={testId}
      onClick={() => {
        setBusy(true);
        void download().finally(() => setBusy(false));
      }}
    >
      {children}
    </Button>
  );
}
