import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.ts';

/** Each language named in itself, so a user who cannot read the current one still finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((lng: Language) => (
        <button key={lng} type="button" lang={lng} aria-pressed={i18n.language === lng} onClick={() => void setLanguage(lng)}>
          {t(`lang.${lng}`, { lng })}
        </button>
      ))}
    </div>
  );
}
