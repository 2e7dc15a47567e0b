// Settings › Message templates (admins): register the templates WhatsApp approved, so agents can send them.
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { CREATE_MESSAGE_TEMPLATE, DELETE_MESSAGE_TEMPLATE, MESSAGE_TEMPLATES } from './template.documents';
import { useAttempt } from '../settings/useAttempt';
import { useT } from '../i18n/I18n';

const EMPTY = { name: '', languageCode: 'en', body: '' };

export function TemplateSettings() {
  const t = useT();
  const { data } = useQuery(MESSAGE_TEMPLATES);
  const [create, { loading }] = useMutation(CREATE_MESSAGE_TEMPLATE, { refetchQueries: ['MessageTemplates'] });
  const [remove] = useMutation(DELETE_MESSAGE_TEMPLATE, { refetchQueries: ['MessageTemplates'] });
  const [input, setInput] = useState(EMPTY);
  const { error, attempt } = useAttempt();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await attempt(() => create({ variables: { input } }))) setInput(EMPTY);
  };
  const templates = data?.messageTemplates ?? [];

  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templates.title')}</h2>
      <p className="muted">{t('templates.lead')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>{t('agents.name')}</th>
            <th>{t('templates.language')}</th>
            <th>{t('templates.body')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {templates.map((template) => (
            <tr key={template.id} data-testid="template-row">
              <td>
                <code>{template.name}</code>
              </td>
              <td>{template.languageCode}</td>
              <td>{template.body}</td>
              <td className="actions">
                <button
                  type="button"
                  className="danger"
                  aria-label={t('templates.deleteName', { name: template.name })}
                  onClick={() =>
                    window.confirm(t('templates.confirmDelete', { name: template.name })) &&
                    void attempt(() => remove({ variables: { id: template.id } }))
                  }
                >
                  {t('labels.delete')}
                </button>
              </td>
            </tr>
          ))}
          {templates.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t('templates.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={(event) => void submit(event)} aria-label={t('templates.add')}>
        <label>
          {t('templates.name')}
          <input
            required
            maxLength={512}
            pattern="[a-z0-9_]+"
            value={input.name}
            onChange={(event) => setInput({ ...input, name: event.target.value })}
            placeholder={t('templates.namePlaceholder')}
          />
        </label>
        <label>
          {t('templates.language')}
          <input
            required
            maxLength={16}
            value={input.languageCode}
            onChange={(event) => setInput({ ...input, languageCode: event.target.value })}
            placeholder={t('templates.languagePlaceholder')}
          />
        </label>
        <label className="wide">
          {t('templates.body')}
          <textarea
            required
            rows={2}
            maxLength={1024}
            value={input.body}
            onChange={(event) => setInput({ ...input, body: event.target.value })}
            placeholder={t('templates.bodyPlaceholder')}
          />
        </label>
        <button type="submit" className="primary" disabled={loading}>
          {t('templates.add')}
        </button>
      </form>
    </section>
  );
}
