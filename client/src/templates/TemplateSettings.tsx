// Settings › Message templates (admins): register the templates WhatsApp approved, so agents can send them.
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { CREATE_MESSAGE_TEMPLATE, DELETE_MESSAGE_TEMPLATE, MESSAGE_TEMPLATES } from './template.documents';
import { useAttempt } from '../settings/useAttempt';

const EMPTY = { name: '', languageCode: 'en', body: '' };

export function TemplateSettings() {
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
      <h2 id="templates-title">Message templates</h2>
      <p className="muted">
        Templates approved in WhatsApp Manager, entered here exactly as approved. Agents send them when a person has not
        written for 24 hours. Parameters are written {'{{1}}'}, {'{{2}}'}, …
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Language</th>
            <th>Body</th>
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
                  aria-label={`Delete the template ${template.name}`}
                  onClick={() =>
                    window.confirm(`Delete the template ${template.name}?`) &&
                    void attempt(() => remove({ variables: { id: template.id } }))
                  }
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
          {templates.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                No templates yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={(event) => void submit(event)} aria-label="Add template">
        <label>
          Template name
          <input
            required
            maxLength={512}
            pattern="[a-z0-9_]+"
            value={input.name}
            onChange={(event) => setInput({ ...input, name: event.target.value })}
            placeholder="e.g. ticket_follow_up"
          />
        </label>
        <label>
          Language
          <input
            required
            maxLength={16}
            value={input.languageCode}
            onChange={(event) => setInput({ ...input, languageCode: event.target.value })}
            placeholder="en or en_US"
          />
        </label>
        <label className="wide">
          Body
          <textarea
            required
            rows={2}
            maxLength={1024}
            value={input.body}
            onChange={(event) => setInput({ ...input, body: event.target.value })}
            placeholder="Hi {{1}}, we have an update on your ticket {{2}}."
          />
        </label>
        <button type="submit" className="primary" disabled={loading}>
          Add template
        </button>
      </form>
    </section>
  );
}
