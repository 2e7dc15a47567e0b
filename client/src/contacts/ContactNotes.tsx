// The agents' notes on a contact: edited here, saved with a clear saved or failed state, and kept in step
// with other agents' edits without losing what is being typed.
import { useMutation } from '@apollo/client/react';
import { useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { T, useT } from '../i18n/I18n';
import { formatTimestamp } from '../format';
import type { ContactFieldsFragment } from '../gql/graphql';
import { UPDATE_CONTACT } from './contact.documents';
import { SaveStatus, useSave } from './SaveStatus';

/** The server refuses longer notes. */
const MAX_NOTES = 4000;

export function ContactNotes({ contact }: { contact: ContactFieldsFragment }) {
  const t = useT();
  const { locale } = useIntl();
  const [text, setText] = useState(contact.notes ?? '');
  // What the text was written from: another agent's save moves the contact's revision past it.
  const [base, setBase] = useState({ notes: contact.notes ?? '', revision: contact.notesRevision });
  const [update] = useMutation(UPDATE_CONTACT);
  const save = useSave();
  const dirty = text !== base.notes;
  const changedElsewhere = contact.notesRevision !== base.revision && save.state.kind !== 'saving';

  const takeLatest = () => {
    setText(contact.notes ?? '');
    setBase({ notes: contact.notes ?? '', revision: contact.notesRevision });
    save.reset();
  };
  // Another agent's edit arrives live: shown at once unless this agent has unsaved text. Checked when the
  // contact's notes change (during render, as React advises for state that follows a prop), not on every render.
  const [seen, setSeen] = useState({ notes: contact.notes, revision: contact.notesRevision });
  if (seen.notes !== contact.notes || seen.revision !== contact.notesRevision) {
    setSeen({ notes: contact.notes, revision: contact.notesRevision });
    if (changedElsewhere && !dirty) takeLatest();
  }

  const tooLong = text.trimEnd().length > MAX_NOTES;
  const onSave = () =>
    save.run(async () => {
      const result = await update({
        variables: { phoneNumber: contact.phoneNumber, input: { notes: text, baseNotesRevision: base.revision } },
      });
      const saved = result.data?.updateContact;
      if (!saved) return;
      setBase({ notes: saved.notes ?? '', revision: saved.notesRevision });
      setText(saved.notes ?? '');
    });
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && dirty && !tooLong) {
      event.preventDefault();
      void onSave();
    }
  };

  return (
    <div className="contact-notes">
      <label htmlFor="contact-notes">{t('notes.label')}</label>
      <textarea
        id="contact-notes"
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('notes.placeholder')}
        aria-describedby="contact-notes-meta"
        aria-invalid={tooLong}
      />
      <div className="notes-bar">
        <span id="contact-notes-meta" className={`muted ${tooLong ? 'error' : ''}`}>
          {text.trimEnd().length} / {MAX_NOTES}
          {contact.notesUpdatedAt &&
            (contact.notesUpdatedBy
              ? t('notes.editedBy', {
                  name: contact.notesUpdatedBy.name,
                  when: formatTimestamp(contact.notesUpdatedAt, locale),
                })
              : t('notes.edited', { when: formatTimestamp(contact.notesUpdatedAt, locale) }))}
        </span>
        <SaveStatus state={save.state} dirty={dirty} testId="notes-status" />
        <button
          type="button"
          className="primary"
          disabled={!dirty || tooLong || save.state.kind === 'saving'}
          onClick={() => void onSave()}
        >
          {t('notes.save')}
        </button>
      </div>
      {tooLong && <p className="error">{t('notes.tooLong', { max: MAX_NOTES })}</p>}
      {changedElsewhere && dirty && (
        <p className="notice" role="alert">
          <T
            id="notes.changedElsewhere"
            values={{
              name: contact.notesUpdatedBy?.name ?? t('notes.anotherAgent'),
              show: (chunks) => (
                <button type="button" onClick={takeLatest}>
                  {chunks}
                </button>
              ),
            }}
          />
        </p>
      )}
    </div>
  );
}
