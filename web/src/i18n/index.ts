import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ko from './ko.json';

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_KEY = 'tumen.language';

function storedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(LANGUAGE_KEY);
    return v === 'ko' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

/** A remembered choice first, then the browser's preference; Korean for a Korean browser. */
export function initialLanguage(): Language {
  return storedLanguage() ?? (navigator.languages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en');
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ko: { translation: ko } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_KEY, lng);
  } catch {
    // Private mode without storage: the choice holds for this visit only.
  }
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}
