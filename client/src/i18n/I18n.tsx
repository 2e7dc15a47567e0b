// The dashboard's words come from message catalogs (ICU MessageFormat through react-intl), never from string
// literals in components: `useT()` for strings, `<T>` for sentences with links or emphasis inside. English is
// bundled; other languages load on demand, so the first screen carries one catalog.
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { FormattedMessage, IntlProvider, useIntl } from 'react-intl';
import { en, type MessageId, type Messages } from './en';
import { currentFormattingLocale, currentLanguage, type Language, onLanguageChange } from './locale';

const catalogs: Record<Language, () => Promise<Messages>> = {
  en: async () => en,
  es: () => import('./es').then((module) => module.es),
};

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState(currentLanguage);
  const [loaded, setLoaded] = useState<{ language: Language; messages: Messages } | null>(() =>
    language === 'en' ? { language, messages: en } : null,
  );

  useEffect(() => onLanguageChange(setLanguage), []);
  useEffect(() => {
    let live = true;
    void catalogs[language]().then((messages) => {
      if (live) setLoaded({ language, messages });
    });
    document.documentElement.lang = language;
    return () => {
      live = false;
    };
  }, [language]);

  // Until another language's catalog arrives (a few ms, once), the page keeps the one it had.
  if (!loaded) return null;
  return (
    <IntlProvider locale={currentFormattingLocale(loaded.language)} messages={loaded.messages} defaultLocale="en">
      {children}
    </IntlProvider>
  );
}

export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** The translate function: `t('signIn.title')`, `t('list.count', { count: 3 })`. */
export function useT(): (id: MessageId, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values as Record<string, string>), [intl]);
}

/** A sentence with markup inside: `<T id="…" values={{ link: (text) => <a href="…">{text}</a> }} />`. */
export function T({
  id,
  values,
}: {
  id: MessageId;
  values?: Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)>;
}) {
  return <FormattedMessage id={id} values={values as never} />;
}
