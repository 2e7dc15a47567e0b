// The reply box's template tab: pick an approved template, fill its parameters, see the message, send it.
// The way to reach a person after WhatsApp's 24-hour window has closed.
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { MessageFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18n';
import { type Keyed, withRowKey } from '../row-keys';
import { initialParameters, renderTemplate } from './render';
import { MESSAGE_TEMPLATES, SEND_TEMPLATE } from './template.documents';

export function TemplatePicker({
  ticketId,
  senderName,
  disabled,
  onSent,
}: {
  ticketId: string;
  senderName: string | null;
  disabled: boolean;
  onSent: (message: MessageFieldsFragment) => void;
}) {
  const t = useT();
  const { data } = useQuery(MESSAGE_TEMPLATES);
  const [send, { loading }] = useMutation(SEND_TEMPLATE);
  const [templateId, setTemplateId] = useState('');
  const [fields, setFields] = useState<Keyed<{ value: string }>[]>([]);
  const parameters = fields.map((field) => field.value);
  const [error, setError] = useState<string | null>(null);
  const templates = data?.messageTemplates ?? [];
  const template = templates.find((candidate) => candidate.id === templateId) ?? null;

  const choose = (id: string) => {
    setTemplateId(id);
    setError(null);
    const chosen = templates.find((candidate) => candidate.id === id);
    setFields(
      (chosen ? initialParameters(chosen.body, chosen.parameterCount, senderName) : []).map((value) =>
        withRowKey({ value }),
      ),
    );
  };
  const complete = template !== null && parameters.every((value) => value.trim());
  const submit = async () => {
    if (!template || !complete) return;
    setError(null);
    try {
      const result = await send({
        variables: { ticketId, templateId: template.id, parameters: parameters.map((value) => value.trim()) },
      });
      if (result.data?.sendTemplate) onSent(result.data.sendTemplate);
      choose('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  if (templates.length === 0) {
    return <p className="muted">{t('templates.noneYet')}</p>;
  }
  return (
    <div className="template-picker">
      <label>
        {t('templates.template')}
        <select
          aria-label={t('templates.toSend')}
          value={templateId}
          onChange={(event) => choose(event.target.value)}
          disabled={disabled}
        >
          <option value="">{t('templates.choose')}</option>
          {templates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} ({candidate.languageCode})
            </option>
          ))}
        </select>
      </label>
      {template && (
        <>
          {fields.map((field, index) => (
            <label key={field.rowKey} className="template-parameter">
              {`{{${index + 1}}}`}
              <input
                value={field.value}
                maxLength={1024}
                disabled={disabled}
                onChange={(event) => {
                  const value = event.target.value.replace(/[\n\t]/g, ' ');
                  setFields((list) => list.map((item) => (item.rowKey === field.rowKey ? { ...item, value } : item)));
                }}
              />
            </label>
          ))}
          <figure className="template-preview" aria-label={t('labels.preview')}>
            <span className="muted">{t('labels.preview')}</span>
            <p>{renderTemplate(template.body, parameters)}</p>
          </figure>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="reply-actions">
        <span className="muted">{template && !complete ? t('templates.fillEvery') : ''}</span>
        <button
          type="button"
          className="primary"
          onClick={() => void submit()}
          disabled={disabled || !complete || loading}
        >
          {t('templates.send')}
        </button>
      </div>
    </div>
  );
}
