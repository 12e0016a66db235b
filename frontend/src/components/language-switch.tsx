import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@/config/locale';
import { changeLanguage } from '@/lib/i18n';

/** Two-way switch between Vietnamese and English; the choice is remembered in localStorage. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation();
  const current = (i18n.resolvedLanguage ?? i18n.language) as Language;
  return (
    <div role="group" aria-label={t('common.language')} data-testid="language-switch">
      <Segmented<Language>
        size={size}
        value={current}
        onChange={(lng) => void changeLanguage(lng)}
        options={LANGUAGES.map((lng) => ({
          value: lng,
          label: <span lang={lng}>{lng.toUpperCase()}</span>,
          title: t(`common.languages.${lng}`),
        }))}
      />
    </div>
  );
}
