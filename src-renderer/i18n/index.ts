import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Resources } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
  }
}

/** Languages bundled with the app; Swedish joins as `sv: { translation: sv }` with `sv: Resources`. */
export const resources = {
  en: { translation: en },
} as const;

export const i18n = i18next.createInstance();

// Resources are bundled, so initialisation is synchronous: the first render already has its text.
void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: Object.keys(resources),
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
