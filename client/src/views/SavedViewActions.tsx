// Saving the list's filters as a named view (mine, or the desk's for admins), and renaming or deleting the open one.
import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import type { SavedViewFiltersInput, SavedViewsQuery } from '../gql/graphql';
import { CREATE_SAVED_VIEW, DELETE_SAVED_VIEW, RENAME_SAVED_VIEW } from './view.documents';
import { useT } from '../i18n/I18n';

type SavedView = SavedViewsQuery['savedViews'][number];

export function SavedViewActions({
  current,
  filters,
  isAdmin,
  onSaved,
  onDeleted,
}: {
  /** The saved view whose tab is open, if any. */
  current: SavedView | null;
  /** What saving would keep: the filters as shown now. */
  filters: SavedViewFiltersInput;
  isAdmin: boolean;
  onSaved: (id: string) => void;
  onDeleted: () => void;
}) {
  const t = useT();
  const [form, setForm] = useState<'save' | 'rename' | null>(null);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refetchQueries = ['SavedViews'];
  const [create, { loading: creating }] = useMutation(CREATE_SAVED_VIEW, { refetchQueries, awaitRefetchQueries: true });
  const [rename, { loading: renaming }] = useMutation(RENAME_SAVED_VIEW, { refetchQueries });
  const [remove] = useMutation(DELETE_SAVED_VIEW, { refetchQueries, awaitRefetchQueries: true });

  const start = (which: 'save' | 'rename') => {
    setForm(which);
    setName(which === 'rename' ? (current?.name ?? '') : '');
    setShared(false);
    setError(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      if (form === 'rename' && current) {
        await rename({ variables: { id: current.id, name } });
      } else {
        const result = await create({ variables: { input: { name, shared, filters } } });
        if (result.data) onSaved(result.data.createSavedView.id);
      }
      setForm(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const del = async () => {
    if (!current || !window.confirm(t('views.confirmDelete', { name: current.name }))) return;
    await remove({ variables: { id: current.id } });
    onDeleted();
  };

  if (form)
    return (
      <form className="saved-view-form" onSubmit={submit}>
        <label>
          {form === 'rename' ? t('views.newName') : t('views.viewName')}
          <input value={name} maxLength={40} required onChange={(event) => setName(event.target.value)} />
        </label>
        {form === 'save' && isAdmin && (
          <label className="inline">
            <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />{' '}
            {t('views.forDesk')}
          </label>
        )}
        <button type="submit" className="primary" disabled={creating || renaming}>
          {form === 'rename' ? t('views.rename') : t('views.save')}
        </button>
        <button type="button" onClick={() => setForm(null)}>
          {t('common.cancel')}
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    );
  return (
    <div className="saved-view-actions">
      <button type="button" onClick={() => start('save')}>
        {t('views.saveAs')}
      </button>
      {current?.viewerCanEdit && (
        <>
          <button type="button" onClick={() => start('rename')}>
            {t('views.renameView')}
          </button>
          <button type="button" onClick={del}>
            {t('views.deleteView')}
          </button>
        </>
      )}
    </div>
  );
}
