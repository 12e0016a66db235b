import 'antd/dist/antd.css';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Darker than AntD's default blue so white text on primary buttons passes WCAG AA contrast. Every lighter text
// (descriptions, placeholders, empty states such as a table's "no data", disabled fields) is at least 0.58 black:
// #6b6b6b, 5.3:1 on white and 4.9:1 on the grey of a disabled field (#f5f5f5), where AntD's defaults (0.25–0.45)
// fail WCAG AA's 4.5:1. The login page (plain HTML, no AntD) repeats these colours in index.css.
export const theme = {
  token: {
    colorPrimary: '#0b5cab',
    colorLink: '#0b5cab',
    // AntD derives lighter hover/active shades (about 4:1 on white): a link or button under the pointer would fail
    // AA. Darker shades keep every state above 4.5:1 (#0a4f94 8.2:1, #083f76 10.6:1).
    colorLinkHover: '#0a4f94',
    colorLinkActive: '#083f76',
    colorPrimaryHover: '#0a4f94',
    colorPrimaryActive: '#083f76',
    // Danger buttons and error text: AntD's #ff4d4f is 3.2:1 on white; #cf1322 is 5.6:1.
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.58)',
    borderRadius: 6,
  },
  // #17: Ant Design's CSS-in-JS built and injected each component's style sheet while the page rendered — most of
  // the signed-in home page's main-thread work (stylis parsing in render, a <style> per component parsed in the
  // commit). Its precompiled style sheet (antd/dist/antd.css, loaded with this lazy route, never with the login page)
  // replaces that; the tokens above still reach every component as CSS variables, computed at runtime.
  zeroRuntime: true,
};

/** Ant Design's theme, locale and App context (message, modal, notification) for every route but the login page. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? enUS : viVN;
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
