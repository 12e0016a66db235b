import { Grid, Menu } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { Permission } from '@/config/permissions';
import { useUser } from '@/lib/auth/auth';

export interface Section {
  key: string;
  /** The section's path; the first section whose path starts the current one is the active tab. */
  to: string;
  label: string;
  /** Shown only to users holding every one of these. */
  permissions?: readonly Permission[];
}

/** A module's sections as tabs above its screens, each shown to those holding its permissions. */
export function SectionTabs({
  label,
  testIdPrefix,
  sections,
  fallbackKey,
  linkTo = (to) => to,
}: {
  label: string;
  testIdPrefix: string;
  sections: readonly Section[];
  /** The tab shown active where no section's path matches (the module's landing screen). */
  fallbackKey?: string;
  /** Rewrites a section's path into the link (for example to keep the unit scope in the URL). */
  linkTo?: (to: string) => string;
}) {
  const { pathname } = useLocation();
  const held = new Set(useUser().permissions);
  const active = sections.find((s) => pathname.startsWith(s.to))?.key ?? fallbackKey;
  // On a phone the tabs stay one row that scrolls sideways inside its own box (#16: wrapped, a module's eight tabs took
  // about 200 px above every screen); the active tab is scrolled into view.
  const phone = Grid.useBreakpoint().md === false;
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = navRef.current;
    const item = nav?.querySelector<HTMLElement>('.ant-menu-item-selected');
    // Only the tabs' own box scrolls, never the page.
    if (phone && nav && item) nav.scrollLeft = Math.max(0, item.offsetLeft - 24);
  }, [phone, active]);
  return (
    <nav
      aria-label={label}
      data-testid={`${testIdPrefix}-tabs`}
      style={{ marginBottom: 12, ...(phone ? { overflowX: 'auto', overscrollBehaviorX: 'contain' } : {}) }}
      ref={navRef}
    >
      <Menu
        mode="horizontal"
        // No overflow menu: its hidden copies of the items stay focusable (axe: aria-hidden-focus).
        disabledOverflow
        selectedKeys={active ? [active] : []}
        style={{ background: 'transparent', flexWrap: phone ? 'nowrap' : 'wrap', ...(phone ? { width: 'max-content', minWidth: '100%' } : {}) }}
        items={sections
          .filter((s) => (s.permissions ?? []).every((p) => held.has(p)))
          .map((s) => ({
            key: s.key,
            label: (
              <Link to={linkTo(s.to)} data-testid={`${testIdPrefix}-${s.key}`} aria-current={s.key === active ? 'true' : undefined}>
                {s.label}
              </Link>
            ),
          }))}
      />
    </nav>
  );
}
