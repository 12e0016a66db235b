import '../strings';
import { App, Button, Flex, Input, Select } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { useEnterprises, type EnterpriseListItem, type GetEnterprisesQuery, type Ownership, type Sector } from '../api/enterprises';
import { useExportLabour } from '../api/exchange';
import { formatCount, OWNERSHIPS, SECTORS, yearOptions } from '../components/labels';
import { LabourTabs } from '../components/labour-tabs';
import { labourPaths } from '../paths';

const FILTERS = ['ownership', 'sector', 'district', 'zone', 'year'] as const;

/** A text filter that writes to the URL once the user pauses or presses Enter. */
function TextFilter({ value, placeholder, onChange, testId }: { value?: string; placeholder: string; onChange: (v?: string) => void; testId: string }) {
  const [text, setText] = useState(value ?? '');
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    if (text === (value ?? '')) return;
    const timer = setTimeout(() => latest.current(text.trim() || undefined), 400);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <Input
      aria-label={placeholder}
      placeholder={placeholder}
      value={text}
      allowClear
      data-testid={testId}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => onChange(text.trim() || undefined)}
      style={{ width: 180 }}
    />
  );
}

/**
 * The enterprises of the labour database in the user's scope (and the unit picked in the scope switcher), with
 * the chosen year's figures on each row. Filters live in the URL; the export takes the same filters.
 */
export function EnterpriseListRoute() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const canManage = useHasPermission(PERMISSIONS.labourManage);
  const exporter = useExportLabour();
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: 'name', filterKeys: FILTERS });
  const f = params.filters;
  const year = f.year && /^\d{4}$/.test(f.year) ? Number(f.year) : new Date().getFullYear() - 1;
  const ownership = OWNERSHIPS.includes(f.ownership as Ownership) ? (f.ownership as Ownership) : undefined;
  const sector = SECTORS.includes(f.sector as Sector) ? (f.sector as Sector) : undefined;

  const filters = {
    ...(unitId ? { within: unitId } : {}),
    ...(ownership ? { ownership } : {}),
    ...(sector ? { sector } : {}),
    ...(f.district ? { district: f.district } : {}),
    ...(f.zone ? { zone: f.zone } : {}),
    ...(params.q ? { q: params.q } : {}),
    year,
  };
  const query: GetEnterprisesQuery = { page: params.page, pageSize: params.pageSize, sort: params.sort, ...filters };
  const enterprises = useEnterprises(query);

  useEffect(() => {
    document.title = `${t('labour.title')} · ${t('app.name')}`;
  }, [t]);

  const label = (field: string) => t(`labour.fields.${field}`);
  const fig = (field: string) => t(`labour.figures.${field}`);
  const n = (v: number | undefined) => formatCount(v, i18n.language);
  const columns: ListColumn<EnterpriseListItem>[] = [
    {
      title: label('name'),
      dataIndex: 'name',
      sortKey: 'name',
      render: (name: string, e) => <Link to={scoped(labourPaths.enterprise(e.id))}>{name}</Link>,
    },
    { title: label('taxCode'), dataIndex: 'taxCode', sortKey: 'taxCode', responsive: ['md'] },
    { title: label('ownership'), dataIndex: 'ownership', responsive: ['lg'], render: (o: Ownership) => t(`labour.ownership.${o}`) },
    { title: label('sector'), dataIndex: 'sector', responsive: ['lg'], render: (s: Sector) => t(`labour.sector.${s}`) },
    {
      title: label('district'),
      dataIndex: 'district',
      sortKey: 'district',
      responsive: ['md'],
      render: (d: string, e) => (e.industrialZone ? `${d} · ${e.industrialZone}` : d),
    },
    {
      title: `${fig('workforce')} ${year}`,
      key: 'workforce',
      sortKey: 'workforce',
      align: 'end',
      render: (_: unknown, e) => (e.figures ? n(e.figures.workforce) : <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('labour.noFigures')}</span>),
    },
    { title: fig('women'), key: 'women', align: 'end', responsive: ['lg'], render: (_: unknown, e) => n(e.figures?.women) },
    { title: fig('unionMembers'), key: 'members', align: 'end', responsive: ['md'], render: (_: unknown, e) => n(e.figures?.unionMembers) },
    { title: fig('income'), key: 'income', align: 'end', responsive: ['xl'], render: (_: unknown, e) => n(e.figures?.averageMonthlyIncome) },
    {
      title: fig('cba'),
      key: 'cba',
      responsive: ['lg'],
      render: (_: unknown, e) => (e.figures ? (e.figures.cbaSigned ? fig('signed') : fig('notSigned')) : '—'),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <LabourTabs />
      <ListPage
        title={t('labour.title')}
        extra={
          <Flex gap={8} wrap>
            <Button
              icon={<DownloadOutlined />}
              loading={exporter.isPending}
              data-testid="export-labour"
              onClick={() => {
                const { q, ...rest } = filters;
                exporter.mutate({ ...rest, ...(q ? { q } : {}) }, { onError: () => void message.error(t('labour.exportFailed')) });
              }}
            >
              {t('labour.export')}
            </Button>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(scoped(labourPaths.newEnterprise))} data-testid="new-enterprise">
                {t('labour.newEnterprise')}
              </Button>
            ) : null}
          </Flex>
        }
        filters={
          <>
            <Select
              aria-label={t('labour.year')}
              data-testid="year-filter"
              value={year}
              options={yearOptions().map((y) => ({ value: y, label: `${t('labour.year')} ${y}` }))}
              onChange={(y: number) => update({ year: String(y) })}
              style={{ width: 120 }}
            />
            <Select
              aria-label={label('ownership')}
              data-testid="ownership-filter"
              allowClear
              placeholder={t('labour.allOwnership')}
              value={ownership}
              options={OWNERSHIPS.map((o) => ({ value: o, label: t(`labour.ownership.${o}`) }))}
              onChange={(o?: string) => update({ ownership: o })}
              style={{ width: 160 }}
            />
            <Select
              aria-label={label('sector')}
              data-testid="sector-filter"
              allowClear
              placeholder={t('labour.allSectors')}
              value={sector}
              options={SECTORS.map((s) => ({ value: s, label: t(`labour.sector.${s}`) }))}
              onChange={(s?: string) => update({ sector: s })}
              style={{ width: 190 }}
              popupMatchSelectWidth={false}
            />
            <TextFilter value={f.district} placeholder={t('labour.districtPlaceholder')} onChange={(d) => update({ district: d })} testId="district-filter" />
            <TextFilter value={f.zone} placeholder={t('labour.zonePlaceholder')} onChange={(z) => update({ zone: z })} testId="zone-filter" />
          </>
        }
        columns={columns}
        rowKey="id"
        query={enterprises}
        params={params}
        update={update}
        reset={reset}
        isFiltered={isFiltered}
        searchPlaceholder={t('labour.search')}
      />
    </Flex>
  );
}

export { EnterpriseListRoute as Component };
