import { Form, Select, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitTree } from '@/lib/scope/unit-tree';
import { useEnterprises } from '../../labour/api/enterprises';
import { useOfficials } from '../../officials/api/officials';
import type { UnitDetail } from '../api/units';

/** Record key (`o:<officialId>` or `e:<enterpriseId>`) → index of the successor it is given to; none: it stays with the unit. */
export type RecordAssignment = Record<string, number | undefined | null>;

/** The ids given to each successor, read from the form's record assignment. */
export function recordTargets(records: RecordAssignment | undefined) {
  const given = Object.entries(records ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
  const of = (prefix: string, index: number) => given.filter(([key, to]) => key.startsWith(prefix) && to === index).map(([key]) => key.slice(2));
  return { officials: (index: number) => of('o:', index), enterprises: (index: number) => of('e:', index) };
}

/**
 * Divides the unit's own officials and enterprises between the successors (issue #16: a split divides records, not
 * only sub-units). A record left alone stays with the unit split, under the successor that receives its records; an
 * enterprise covered by a grassroots union is given to the successor that union goes to as soon as the union is
 * assigned (the server refuses any other), and the officer may still change it.
 */
export function SplitRecords({
  unit,
  successorOptions,
  assign,
  heir,
}: {
  unit: UnitDetail;
  successorOptions: { value: number; label: string }[];
  assign: Record<string, number | undefined> | undefined;
  heir: number | undefined;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const label = (key: string, values: Record<string, unknown> = {}) => t(`organization.unitHistory.split.${key}`, values);
  const officials = useOfficials({ unitId: unit.id, pageSize: 200 });
  // Kept by the unit itself, not by the units below it (those move with their sub-unit).
  const enterprises = useEnterprises({ within: unit.id, pageSize: 200 });
  const tree = useUnitTree();

  // The successor each covered enterprise follows: the one its grassroots union's branch (a direct sub-unit) is given to.
  const byId = new Map((tree.data?.items ?? []).map((u) => [u.id, u]));
  const ownEnterprises = (enterprises.data?.items ?? []).filter((e) => e.unitId === unit.id);
  const follows = ownEnterprises.flatMap((e) => {
    for (let u = e.grassrootsUnitId ? byId.get(e.grassrootsUnitId) : undefined; u; u = u.parentId ? byId.get(u.parentId) : undefined)
      if (u.parentId === unit.id) return assign?.[u.id] === undefined ? [] : [[e.id, assign[u.id]!] as const];
    return [];
  });
  const followKey = follows.map(([id, to]) => `${id}=${to}`).join(',');
  useEffect(() => {
    for (const [id, to] of follows) form.setFieldValue(['records', `e:${id}`], to);
    // Only when an assignment changes, so the officer's own choice is not overwritten on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [followKey]);

  if (officials.isPending || enterprises.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  const officialItems = officials.data?.items ?? [];
  const enterpriseItems = ownEnterprises;
  if (officialItems.length === 0 && enterpriseItems.length === 0) return null;

  const stays = label('staysWithHeir', { name: successorOptions.find((o) => o.value === heir)?.label ?? '' });
  const picker = (key: string, name: string, testId: string) => (
    <Form.Item key={key} name={['records', key]} label={name} style={{ marginBottom: 8 }}>
      <Select allowClear placeholder={stays} options={successorOptions} data-testid={testId} />
    </Form.Item>
  );

  return (
    <div data-testid="split-records">
      <Typography.Title level={5}>{label('records')}</Typography.Title>
      <Typography.Paragraph type="secondary">{label('recordsHint')}</Typography.Paragraph>
      {officialItems.length > 0 ? <Typography.Title level={5} style={{ fontSize: 14 }}>{label('officials')}</Typography.Title> : null}
      {officialItems.map((o) => picker(`o:${o.id}`, `${o.fullName} (${o.position})`, `split-official-${o.id}`))}
      {enterpriseItems.length > 0 ? <Typography.Title level={5} style={{ fontSize: 14 }}>{label('enterprises')}</Typography.Title> : null}
      {enterpriseItems.map((e) => picker(`e:${e.id}`, e.name, `split-enterprise-${e.id}`))}
    </div>
  );
}
