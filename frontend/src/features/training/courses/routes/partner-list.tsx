import '../strings';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate } from '@/lib/format/date';
import { createPartner, usePartnerMutation, usePartners, type PartnerKind, type PartnerListItem } from '../api/partners';
import { PartnerForm } from '../components/partner-form';
import { coursePaths } from '../paths';

/** The partner agencies, searchable without diacritics; the coordinator adds new ones. */
export function PartnerListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useHasPermission(PERMISSIONS.coursesManage);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: 'name' });
  const [adding, setAdding] = useState(false);
  const query = usePartners({ page: params.page, pageSize: params.pageSize, sort: params.sort, ...(params.q ? { q: params.q } : {}) });
  const create = usePartnerMutation(createPartner);

  useEffect(() => {
    document.title = `${t('trainingCourses.partners.title')} · ${t('app.name')}`;
  }, [t]);

  const columns: ListColumn<PartnerListItem>[] = [
    { title: t('trainingCourses.partners.name'), dataIndex: 'name', sortKey: 'name', render: (n: string, p) => <Link to={coursePaths.partner(p.id)}>{n}</Link> },
    { title: t('trainingCourses.partners.kind'), dataIndex: 'kind', responsive: ['md'], render: (k: PartnerKind) => t(`trainingCourses.partners.kinds.${k}`) },
    { title: t('trainingCourses.partners.agreementNumber'), dataIndex: 'agreementNumber', responsive: ['lg'] },
    {
      title: t('trainingCourses.partners.agreementValidUntil'),
      dataIndex: 'agreementValidUntil',
      sortKey: 'agreementValidUntil',
      responsive: ['sm'],
      render: (d: string | null) => formatIsoDate(d),
    },
    { title: t('trainingCourses.partners.courses'), dataIndex: 'courseCount', responsive: ['sm'] },
  ];

  return (
    <>
      <ListPage
        title={t('trainingCourses.partners.title')}
        intro={t('trainingCourses.partners.intro')}
        testId="partner-table"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('trainingCourses.partners.add')}
            </Button>
          )
        }
        columns={columns}
        rowKey="id"
        query={query}
        params={params}
        update={update}
        reset={reset}
        isFiltered={isFiltered}
        searchPlaceholder={t('trainingCourses.partners.search')}
        emptyText={t('trainingCourses.partners.empty')}
      />
      <PartnerForm
        open={adding}
        saving={create.isPending}
        error={create.error}
        onClose={() => {
          setAdding(false);
          create.reset();
        }}
        onSubmit={(v) => create.mutate(v, { onSuccess: (p) => navigate(coursePaths.partner(p.id)) })}
      />
    </>
  );
}

export { PartnerListRoute as Component };
