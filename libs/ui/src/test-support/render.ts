import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { initI18n, type Locale } from '../i18n';

let initialised = false;

/** Renders a component to HTML in a locale, with libs/ui's catalogs (component tests under node --test). */
export function renderInLocale(element: ReactElement, locale: Locale = 'en'): string {
  if (!initialised) {
    initI18n({ en: {}, de: {} }, locale);
    initialised = true;
  }
  const instance = i18next.cloneInstance({ lng: locale });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: instance }, element));
}
