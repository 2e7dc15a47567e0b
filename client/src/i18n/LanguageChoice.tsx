// The agent's language for this dashboard, on the Account page: one of the catalogs, or "as my browser".
import { useState } from 'react';
import { useT } from './I18n';
import { chooseLanguage, chosenLanguage, LANGUAGES, type Language, pickLanguage } from './locale';

export function LanguageChoice() {
  const t = useT();
  const [choice, setChoice] = useState<Language | ''>(() => chosenLanguage() ?? '');
  const browserLanguage = pickLanguage(navigator.languages ?? [navigator.language]);
  const nameOf = (code: Language) => LANGUAGES.find((language) => language.code === code)!.name;
  return (
    <section aria-labelledby="language-title">
      <h2 id="language-title">{t('account.languageTitle')}</h2>
      <p className="muted">{t('account.languageLead')}</p>
      <label className="stacked-form">
        {t('account.languageLabel')}
        <select
          value={choice}
          onChange={(event) => {
            const next = event.target.value as Language | '';
            setChoice(next);
            chooseLanguage(next || null);
          }}
        >
          <option value="">{t('account.languageBrowser', { language: nameOf(browserLanguage) })}</option>
          {LANGUAGES.map((language) => (
            // Each language named in itself, as language pickers do, so that anyone finds their own.
            <option key={language.code} value={language.code} lang={language.code}>
              {language.name}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
