import '../strings';
import { useTranslation } from 'react-i18next';
import { ListPage } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { useDocumentTitle } from '@/components/page/form-page';
import { useMyCommendations } from '../api/commendations';
import { useHistoryColumns } from '../components/history-columns';

/** "Khen thưởng của tôi": the decisions that honoured the signed-in person, each with its decision document. */
export function MyCommendationsRoute() {
  const { t } = useTranslation();
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-decisionDate' });
  const query = useMyCommendations({ page: params.page, pageSize: params.pageSize, ...(params.q ? { q: params.q } : {}) });
  const title = t('commendations.mineTitle');
  useDocumentTitle(title);
  return (
    <ListPage
      title={title}
      testId="my-commendations"
      columns={useHistoryColumns(false)}
      rowKey="nomineeId"
      query={query}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      emptyText={t('commendations.mineEmpty')}
      searchPlaceholder={t('commendations.fields.form')}
    />
  );
}

export { MyCommendationsRoute as Component };
