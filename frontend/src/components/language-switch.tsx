import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@/config/locale';
import { changeLanguage } from '@/lib/i18n';

/**
 * Two-way switch between Vietnamese and English; the choice is remembered in localStorage. Two plain toggle buttons
 * (no Ant Design: the login page shows it and must not load AntD), styled like AntD's Segmented in index.css.
 */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation();
  const current = (i18n.resolvedLanguage ?? i18n.language) as Language;
  return (
    <div
      role="group"
      aria-label={t('common.language')}
      data-testid="language-switch"
      className={`language-switch language-switch-${size}`}
    >
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          title={t(`common.languages.${lng}`)}
          aria-pressed={lng === current}
          className="language-switch-option"
          onClick={() => {
            if (lng !== current) void changeLanguage(lng);
          }}
        >
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
