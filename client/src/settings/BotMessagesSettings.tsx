// Settings › Bot messages (admins): the bot's default language and, per language, what it says to people.
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { BotMessagesQuery } from '../gql/graphql';
import { useT } from '../i18n/I18n';
import { BOT_TEXT_NAMES } from '../i18n/names';
import { SaveRow } from './SaveRow';

export const BOT_MESSAGES = graphql(`
  query BotMessages {
    botMessages { defaultLanguage languages { code name messages { key text defaultText overridden maxLength placeholders } } }
  }
`);
const SET_BOT_MESSAGES = graphql(`
  mutation SetBotMessages($input: BotMessagesInput!) {
    setBotMessages(input: $input) { defaultLanguage languages { code name messages { key text defaultText overridden maxLength placeholders } } }
  }
`);

type Settings = BotMessagesQuery['botMessages'];

const length = (text: string) => [...text].length;

function BotMessagesForm({ settings }: { settings: Settings }) {
  const t = useT();
  const [defaultLanguage, setDefaultLanguage] = useState(settings.defaultLanguage);
  const [editing, setEditing] = useState(settings.defaultLanguage);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [save, { loading, error }] = useMutation(SET_BOT_MESSAGES);
  const language = settings.languages.find((candidate) => candidate.code === editing) ?? settings.languages[0]!;
  const draftKey = (key: string) => `${language.code}:${key}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const messages = Object.entries(drafts).map(([id, text]) => {
      const [code, key] = id.split(':') as [string, string];
      const message = settings.languages.find((l) => l.code === code)?.messages.find((m) => m.key === key);
      // The built-in text written back is no override: it follows the built-in text from now on.
      return { language: code, key, text: text === message?.defaultText ? null : text };
    });
    const result = await save({ variables: { input: { defaultLanguage, messages } } }).catch(() => null);
    if (result?.data) {
      setDrafts({});
      setSaved(true);
    }
  };
  return (
    <form onSubmit={submit} aria-label={t('bot.title')} className="stacked-form bot-messages">
      <label>
        {t('bot.defaultLanguage')}
        <select value={defaultLanguage} onChange={(event) => setDefaultLanguage(event.target.value)}>
          {settings.languages.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="bot-messages-languages">
        <legend>{t('bot.editLanguage')}</legend>
        {settings.languages.map((option) => (
          <label key={option.code}>
            <input
              type="radio"
              name="bot-language"
              value={option.code}
              checked={option.code === language.code}
              onChange={() => setEditing(option.code)}
            />
            {option.name}
          </label>
        ))}
      </fieldset>
      {language.messages.map((message) => {
        const value = drafts[draftKey(message.key)] ?? message.text;
        const id = `${language.code}-${message.key}`;
        const tooLong = length(value) > message.maxLength;
        return (
          <div key={id} className="bot-message">
            <label htmlFor={id}>{BOT_TEXT_NAMES[message.key] ? t(BOT_TEXT_NAMES[message.key]!) : message.key}</label>
            <textarea
              id={id}
              lang={language.code}
              rows={message.maxLength <= 72 ? 1 : 4}
              value={value}
              aria-invalid={tooLong || undefined}
              aria-describedby={`${id}-help`}
              onChange={(event) => setDrafts({ ...drafts, [draftKey(message.key)]: event.target.value })}
            />
            <p id={`${id}-help`} className={tooLong ? 'error' : 'muted'}>
              {t('bot.count', { count: length(value), max: message.maxLength })}
              {message.placeholders.length > 0 &&
                ` · ${t('bot.keep', { placeholders: message.placeholders.map((name) => `{{${name}}}`).join(', ') })}`}
              {(message.overridden || value !== message.text) && value !== message.defaultText && (
                <>
                  {' · '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => setDrafts({ ...drafts, [draftKey(message.key)]: message.defaultText })}
                  >
                    {t('bot.restore')}
                  </button>
                </>
              )}
            </p>
          </div>
        );
      })}
      <SaveRow label={t('bot.save')} busy={loading} saved={saved} error={error} />
    </form>
  );
}

export function BotMessagesSettings() {
  const t = useT();
  const { data } = useQuery(BOT_MESSAGES);
  return (
    <section aria-labelledby="bot-messages-title">
      <h2 id="bot-messages-title">{t('bot.title')}</h2>
      <p className="muted">{t('bot.lead')}</p>
      {data && <BotMessagesForm key={JSON.stringify(data.botMessages)} settings={data.botMessages} />}
    </section>
  );
}
