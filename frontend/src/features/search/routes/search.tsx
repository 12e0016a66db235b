import '../strings';
import { Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SearchResultsView } from '../components/search-results';

/** /search?q=&kind=&page= — the results of the header's search box. */
export function SearchRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);

  useEffect(() => {
    document.title = `${t('search.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('search.title')}
      </Typography.Title>
      <SearchResultsView
        q={q}
        kind={kind}
        page={page}
        onChange={(next) => {
          const p = new URLSearchParams({ q });
          if (next.kind) p.set('kind', next.kind);
          if (next.page > 1) p.set('page', String(next.page));
          setParams(p);
        }}
      />
    </>
  );
}

export { SearchRoute as Component };
