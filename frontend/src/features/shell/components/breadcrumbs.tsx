import { Breadcrumb } from 'antd';
import { Link, useMatches, type UIMatch } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RouteHandle } from '@/lib/route-handle';
import { useScopedPath } from '@/lib/scope/use-unit-scope';

/** Built from the matched routes' `handle.crumb`; the last crumb is the current page. */
export function Breadcrumbs() {
  const { t } = useTranslation();
  const scoped = useScopedPath();
  const matches = useMatches() as UIMatch<unknown, RouteHandle | undefined>[];
  const crumbs = matches.filter((m) => m.handle?.crumb);
  const seen = new Set<string>();
  const unique = crumbs.filter((m) => !seen.has(m.pathname) && seen.add(m.pathname));

  const items = [
    { key: 'home', title: unique.length ? <Link to={scoped('/')}>{t('modules.home')}</Link> : t('modules.home') },
    ...unique.map((m, i) => {
      const crumb = m.handle!.crumb!;
      const label = typeof crumb === 'string' ? t(crumb) : crumb(m);
      const last = i === unique.length - 1;
      return { key: m.id, title: last ? <span aria-current="page">{label}</span> : <Link to={scoped(m.pathname)}>{label}</Link> };
    }),
  ];
  return (
    <nav aria-label={t('shell.breadcrumb')} style={{ marginBottom: 12 }}>
      <Breadcrumb items={items} />
    </nav>
  );
}
