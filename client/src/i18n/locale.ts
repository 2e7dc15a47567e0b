// Which language the dashboard speaks: the agent's own choice (kept in this browser), else the first of the
// browser's languages that the dashboard has, else English. Dates and numbers follow the browser's own regional
// variant of that language (en-GB writes 02/12/2026, en-US 12/2/2026).

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'desk.language';
const listeners = new Set<(language: Language) => void>();

const isLanguage = (value: string | null | undefined): value is Language =>
  LANGUAGES.some((language) => language.code === value);

const baseOf = (tag: string) => tag.toLowerCase().split('-')[0];

/** The language of the first of `preferences` (BCP 47 tags, best first) that the dashboard has, else English. */
export function pickLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const base = baseOf(tag);
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** The tag to format dates and numbers with: the browser's own variant of `language` where it has one. */
export function formattingLocale(language: Language, preferences: readonly string[]): string {
  return preferences.find((tag) => baseOf(tag) === language) ?? language;
}

const browserPreferences = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];

/** The agent's chosen language, or null when they follow the browser's. */
export function chosenLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function currentLanguage(): Language {
  return chosenLanguage() ?? pickLanguage(browserPreferences());
}

export function currentFormattingLocale(language: Language): string {
  return formattingLocale(language, browserPreferences());
}

/** Chooses a language for this browser (null: follow the browser's languages) and tells the dashboard. */
export function chooseLanguage(language: Language | null): void {
  try {
    if (language) localStorage.setItem(STORAGE_KEY, language);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private windows may refuse storage: the choice then lasts until the page closes.
  }
  const now = language ?? pickLanguage(browserPreferences());
  for (const listener of listeners) listener(now);
}

export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
