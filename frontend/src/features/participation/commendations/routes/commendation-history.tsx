import '../strings';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { useDocumentTitle } from '@/components/page/form-page';
import { OfficialPicker, type PickedOfficial } from '../../councils/components/official-picker';
import { UnitSelect } from '../../emulation/components/unit-select';
import { YearSelect } from '../../emulation/components/year-select';
import { useCommendationHistory } from '../api/commendations';
import { useHistoryColumns } from '../components/history-columns';

const FILTERS = ['unitId', 'officialId', 'year'] as const;

/** The commendations received by a unit and its units below, or by one person (picked, never typed). */
export function CommendationHistoryRoute() {
  const { t } = useTranslation();
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-decisionDate', filterKeys: FILTERS });
  const [picked, setPicked] = useState<PickedOfficial>();
  const unitId = params.filters.unitId || undefined;
  const officialId = params.filters.officialId || undefined;
  const year = Number(params.filters.year) || undefined;
  const query = useCommendationHistory({
    page: params.page, pageSize: params.pageSize, ...(params.q ? { q: params.q } : {}),
    ...(officialId ? { officialId } : unitId ? { unitId } : {}), ...(year ? { year } : {}),
  });
  const title = t('commendations.history');
  const f = (k: string) => t(`commendations.fields.${k}`);
  useDocumentTitle(title);
  return (
    <ListPage
      title={title}
      intro={t('commendations.historyHint')}
      testId="commendation-history"
      filters={
        <>
          <div style={{ minWidth: 260 }}>
            <UnitSelect
              ariaLabel={f('unit')}
              testId="history-unit"
              value={unitId}
              onChange={(v) => update({ unitId: (v as string | undefined) || undefined, officialId: undefined })}
            />
          </div>
          <div style={{ minWidth: 260 }}>
            <OfficialPicker
              ariaLabel={f('personFilter')}
              testId="history-person"
              allowClear
              value={officialId}
              picked={picked}
              onPick={(o) => {
                setPicked(o);
                update({ officialId: o?.id, unitId: undefined });
              }}
            />
          </div>
          <YearSelect value={year ?? new Date().getFullYear()} onChange={(y) => update({ year: String(y) })} testId="history-year" />
        </>
      }
      columns={useHistoryColumns(true)}
      rowKey="nomineeId"
      query={query}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      emptyText={t('commendations.historyEmpty')}
      searchPlaceholder={f('nominee')}
    />
  );
}

export { CommendationHistoryRoute as Component };
