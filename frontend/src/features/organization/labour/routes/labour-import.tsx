import '../strings';
import { Alert, Button, Card, Flex, Form, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/problem';
import { useUser } from '@/lib/auth/auth';
import { useUnitScope } from '@/lib/scope/use-unit-scope';
import { UnitTreeSelect } from '@/components/form/unit-tree-select';
import { MAX_IMPORT_BYTES, rowErrorsOf, useDownloadTemplate, useImportLabour, type ImportRowError, type ImportSummary } from '../api/exchange';
import { LabourTabs } from '../components/labour-tabs';

/**
 * Import from Excel: download the template, choose the file and the unit that keeps new enterprises, check it
 * (dry run) and import. A file with any invalid row is rejected whole; its row errors are listed as Excel numbers them.
 */
export function LabourImportRoute() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { unitId: scopeUnit } = useUnitScope();
  const [unitId, setUnitId] = useState<string | undefined>(scopeUnit ?? user.grants[0]?.unitId);
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const template = useDownloadTemplate();
  const importer = useImportLabour();
  const rowErrors = rowErrorsOf(importer.error);
  const unitFieldId = useId();

  useEffect(() => {
    document.title = `${t('labour.import.title')} · ${t('app.name')}`;
  }, [t]);

  const run = (dryRun: boolean) => {
    setSummary(null);
    if (!file || !unitId) {
      setLocalError(t('labour.import.chooseFirst'));
      return;
    }
    setLocalError(null);
    importer.mutate({ file, unitId, dryRun }, { onSuccess: setSummary });
  };

  // The rule codes are translated; an unknown code falls back to the server's message.
  const messageOf = (e: ImportRowError) => (i18n.exists(`labour.import.codes.${e.code}`) ? t(`labour.import.codes.${e.code}`) : e.message);
  const otherError =
    importer.error && rowErrors.length === 0
      ? importer.error instanceof ApiError
        ? (Object.values(importer.error.fieldErrors).flat()[0] ?? importer.error.message)
        : importer.error.message
      : null;
  const counts = summary ? { rows: summary.rows, created: summary.enterprisesCreated, updated: summary.enterprisesUpdated, figures: summary.figuresWritten } : null;

  return (
    <Flex vertical gap={12}>
      <LabourTabs />
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('labour.import.title')}
          </Typography.Title>
        }
        extra={
          <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()} data-testid="download-template">
            {t('labour.import.template')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('labour.import.intro')}</Typography.Paragraph>
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label={t('labour.import.unit')} required htmlFor={unitFieldId}>
            <UnitTreeSelect id={unitFieldId} value={unitId} onChange={setUnitId} />
          </Form.Item>
          <Form.Item label={t('labour.import.file')} required>
            <Upload
              accept=".xlsx"
              maxCount={1}
              beforeUpload={(chosen) => {
                setSummary(null);
                importer.reset();
                if (chosen.size > MAX_IMPORT_BYTES) {
                  setLocalError(t('labour.import.tooLarge'));
                  setFile(null);
                } else {
                  setLocalError(null);
                  setFile(chosen);
                }
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />} data-testid="choose-file">
                {t('labour.import.choose')}
              </Button>
            </Upload>
          </Form.Item>
          <Flex gap={8}>
            <Button onClick={() => run(true)} loading={importer.isPending && importer.variables?.dryRun} data-testid="check-import">
              {t('labour.import.check')}
            </Button>
            <Button type="primary" onClick={() => run(false)} loading={importer.isPending && !importer.variables?.dryRun} data-testid="run-import">
              {t('labour.import.run')}
            </Button>
          </Flex>
        </Form>
      </Card>
      {localError ? <Alert type="warning" showIcon message={localError} /> : null}
      {counts ? (
        <Alert
          type="success"
          showIcon
          data-testid="import-summary"
          message={summary?.dryRun ? t('labour.import.checked', counts) : t('labour.import.done', counts)}
        />
      ) : null}
      {otherError ? <Alert type="error" showIcon message={otherError} data-testid="import-error" /> : null}
      {rowErrors.length > 0 ? (
        <Card>
          <Alert type="error" showIcon message={t('labour.import.rejected')} description={t('labour.import.errorCount', { count: rowErrors.length })} style={{ marginBottom: 12 }} />
          <Table<ImportRowError>
            data-testid="row-errors"
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
            dataSource={rowErrors}
            pagination={rowErrors.length > 50 ? { pageSize: 50 } : false}
            columns={[
              { title: t('labour.import.row'), dataIndex: 'row', key: 'row', width: 80 },
              { title: t('labour.import.column'), dataIndex: 'column', key: 'column', width: 220 },
              { title: t('labour.import.problem'), key: 'message', render: (_: unknown, e) => messageOf(e) },
            ]}
          />
        </Card>
      ) : null}
    </Flex>
  );
}

export { LabourImportRoute as Component };
