// A save's state beside its button: saving, saved, or failed with the reason; unsaved changes otherwise.
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/I18n';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; reason: string };

/** Runs a save, keeping its state; a failure is shown, never thrown. */
export function useSave() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(0);
  const run = async (save: () => Promise<unknown>) => {
    const attempt = ++latest.current;
    setState({ kind: 'saving' });
    try {
      await save();
      if (attempt === latest.current) setState({ kind: 'saved', at: new Date() });
    } catch (failure) {
      if (attempt === latest.current)
        setState({ kind: 'failed', reason: failure instanceof Error ? failure.message : String(failure) });
    }
  };
  return { state, run, reset: () => setState({ kind: 'idle' }) };
}

export function SaveStatus({ state, dirty, testId }: { state: SaveState; dirty: boolean; testId: string }) {
  const t = useT();
  const intl = useIntl();
  if (state.kind === 'failed') {
    return (
      <p role="alert" className="save-status failed" data-testid={testId}>
        {t('save.failed', { reason: state.reason })}
      </p>
    );
  }
  const text =
    state.kind === 'saving'
      ? t('common.saving')
      : dirty
        ? t('save.unsaved')
        : state.kind === 'saved'
          ? t('save.savedAt', { time: intl.formatTime(state.at, { hour: '2-digit', minute: '2-digit' }) })
          : '';
  return (
    <p role="status" className={`save-status ${state.kind === 'saved' && !dirty ? 'saved' : ''}`} data-testid={testId}>
      {text}
    </p>
  );
}
