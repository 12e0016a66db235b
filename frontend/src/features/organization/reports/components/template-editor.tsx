import { Button, Card, Flex, Form, Input, Select, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { IndicatorInput } from '../api/periods';

/** The template rows as the API takes them: trimmed, and a pre-fill source only on number rows. */
export function toIndicatorInputs(rows: IndicatorInput[]): IndicatorInput[] {
  return rows.map((i) => ({
    code: i.code.trim(),
    name: i.name.trim(),
    section: i.section.trim(),
    kind: i.kind,
    measure: i.measure?.trim() || null,
    source: i.kind !== 'Text' ? i.source || null : null,
  }));
}

/**
 * The template of a period (form field `indicators`): rows can be added, removed and reordered; only number rows take
 * a pre-fill source. Once reports have been submitted against it (`locked`), the rows' codes, kinds and order stay as
 * they are (the API refuses any other change), while names, sections, measures and sources may still be corrected.
 */
export function TemplateEditor({ sourceOptions, locked = false }: { sourceOptions: { value: string; label: string; title: string }[]; locked?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const required = (label: string) => ({ required: true, whitespace: true, message: t('form.required', { field: label.toLowerCase() }) });
  return (
    <Form.List name="indicators">
      {(rows, { add, remove, move }) => (
        <Flex vertical gap={8} data-testid="template-editor">
          {rows.map((row, index) => (
            <Card key={row.key} size="small" styles={{ body: { paddingBottom: 0 } }}>
              <Flex gap={8} wrap align="start">
                <Typography.Text type="secondary" style={{ paddingTop: 30, width: 24 }}>
                  {index + 1}.
                </Typography.Text>
                <Form.Item name={[row.name, 'section']} label={t('reports.periods.section')} rules={[required(t('reports.periods.section'))]} style={{ flex: '1 1 160px' }}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name={[row.name, 'name']} label={t('reports.periods.indicatorName')} rules={[required(t('reports.periods.indicatorName'))]} style={{ flex: '3 1 280px' }}>
                  <Input maxLength={300} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'code']}
                  label={t('reports.periods.code')}
                  rules={[required(t('reports.periods.code')), { pattern: /^[A-Za-z0-9_-]+$/, message: t('reports.periods.codeHint') }]}
                  style={{ flex: '1 1 140px' }}
                >
                  <Input maxLength={60} disabled={locked} />
                </Form.Item>
              </Flex>
              <Flex gap={8} wrap align="start" style={{ paddingInlineStart: 32 }}>
                <Form.Item name={[row.name, 'kind']} label={t('reports.periods.kind')} style={{ flex: '0 1 120px' }}>
                  <Select
                    disabled={locked}
                    options={[
                      { value: 'Number', label: t('reports.periods.kinds.Number') },
                      { value: 'YesNo', label: t('reports.periods.kinds.YesNo') },
                      { value: 'Text', label: t('reports.periods.kinds.Text') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={[row.name, 'measure']} label={t('reports.periods.measure')} style={{ flex: '0 1 120px' }}>
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a, b) => a.indicators?.[index]?.kind !== b.indicators?.[index]?.kind}>
                  {() => (
                    <Form.Item name={[row.name, 'source']} label={t('reports.periods.source')} style={{ flex: '1 1 180px' }}>
                      <Select
                        allowClear
                        options={sourceOptions}
                        disabled={form.getFieldValue(['indicators', index, 'kind']) === 'Text'}
                        placeholder={t('reports.periods.noSource')}
                      />
                    </Form.Item>
                  )}
                </Form.Item>
                {locked ? null : (
                  <Flex gap={4} style={{ paddingTop: 30, marginInlineStart: 'auto' }}>
                    <Tooltip title={t('reports.periods.moveUp')}>
                      <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('reports.periods.moveUp')} />
                    </Tooltip>
                    <Tooltip title={t('reports.periods.moveDown')}>
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={index === rows.length - 1}
                        onClick={() => move(index, index + 1)}
                        aria-label={t('reports.periods.moveDown')}
                      />
                    </Tooltip>
                    <Tooltip title={t('reports.periods.remove')}>
                      <Button size="small" danger icon={<DeleteOutlined />} disabled={rows.length === 1} onClick={() => remove(index)} aria-label={t('reports.periods.remove')} />
                    </Tooltip>
                  </Flex>
                )}
              </Flex>
            </Card>
          ))}
          {locked ? null : (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ code: '', name: '', section: form.getFieldValue(['indicators', rows.length - 1, 'section']) ?? '', kind: 'Number', measure: null, source: null })}
              disabled={rows.length >= 100}
              data-testid="add-indicator"
            >
              {t('reports.periods.addIndicator')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}
