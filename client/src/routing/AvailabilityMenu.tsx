// The header's status menu, Online or Away (a dot and the word, so colour is never the only signal): only online
// agents are assigned new tickets automatically. A menu button with two radio items, worked by mouse or keyboard.
import { useMutation } from '@apollo/client/react';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/I18n';
import { SET_AVAILABILITY } from './routing.documents';

const STATUSES = [
  { available: true, word: 'status.online', hint: 'availability.onlineHint' },
  { available: false, word: 'status.away', hint: 'availability.awayHint' },
] as const;

export function AvailabilityMenu({ available }: { available: boolean }) {
  const t = useT();
  const [setAvailability, { loading, error }] = useMutation(SET_AVAILABILITY);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const current = STATUSES.find((status) => status.available === available) ?? STATUSES[1];

  // Opened, the menu focuses the current status; a click anywhere else closes it.
  useEffect(() => {
    if (!open) return;
    items.current[STATUSES.indexOf(current)]?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open, current]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (next: boolean) => {
    close();
    if (next !== available && !loading) void setAvailability({ variables: { available: next } }).catch(() => undefined);
  };
  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    setOpen(true);
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const at = items.current.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => items.current[(to + STATUSES.length) % STATUSES.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(STATUSES.length - 1);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Tab') setOpen(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <div className="status-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="status-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="status-menu-items"
        // Not disabled while saving: a disabled button would drop the keyboard focus.
        aria-busy={loading}
        title={error ? t('availability.notChanged', { error: error.message }) : t(current.hint)}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onKeyDown={onButtonKey}
        data-testid="status-button"
      >
        <span className={`status-dot ${available ? 'online' : 'away'}`} aria-hidden="true" />
        <span className="visually-hidden">{t('availability.yours')} </span>
        {t(current.word)}
        <span className="status-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          role="menu"
          id="status-menu-items"
          aria-label={t('availability.menu')}
          className="status-items"
          onKeyDown={onMenuKey}
        >
          {STATUSES.map((status, index) => (
            <button
              key={status.word}
              ref={(element) => {
                items.current[index] = element;
              }}
              type="button"
              role="menuitemradio"
              aria-checked={status.available === available}
              tabIndex={-1}
              onClick={() => choose(status.available)}
            >
              <span className={`status-dot ${status.available ? 'online' : 'away'}`} aria-hidden="true" />
              <span>
                <strong>{t(status.word)}</strong>
                <span className="muted">{t(status.hint)}</span>
              </span>
            </button>
          ))}
        </div>
      )}
      {error && (
        <span role="alert" className="visually-hidden">
          {t('availability.failed', { error: error.message })}
        </span>
      )}
    </div>
  );
}
