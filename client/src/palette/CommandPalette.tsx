// The command palette (Ctrl/⌘+K), and the pickers that share it (assign, priority, snooze, label): a search box
// as an ARIA combobox over a listbox of grouped options; arrows move, Enter runs, Esc closes.
import { Fragment, type KeyboardEvent, useId, useState } from 'react';
import { useT } from '../i18n/I18n';
import { Dialog } from '../keyboard/Dialog';
import { filterItems, type PaletteItem } from './palette-item';
import { usePaletteSearch } from './usePaletteSearch';

export function CommandPalette({
  title,
  placeholder,
  items,
  searchEverything,
  openTicketId,
  onClose,
  onRun,
}: {
  title: string;
  placeholder: string;
  /** The actions or choices, filtered by what is typed. */
  items: readonly PaletteItem[];
  /** Whether to search tickets, contacts and canned responses too (the palette, not a picker). */
  searchEverything: boolean;
  openTicketId: string | null;
  onClose: () => void;
  /** Closes the palette and runs the item. */
  onRun: (item: PaletteItem) => void;
}) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const found = usePaletteSearch(searchEverything ? typed : '', openTicketId);
  const shown = [...found.items, ...filterItems(items, typed)];
  const current = Math.min(active, shown.length - 1);
  const id = useId();
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + shown.length) % shown.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const item = shown[current];
      if (item) onRun(item);
    }
  };

  return (
    <Dialog labelledBy={`${id}-title`} className="command-palette" onClose={onClose}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {title}
      </h2>
      <input
        type="text"
        role="combobox"
        aria-label={title}
        aria-expanded={shown.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
        placeholder={placeholder}
        value={typed}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setTyped(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={`${id}-list`} role="listbox" aria-label={title} className="palette-options">
        {shown.map((item, index) => (
          <Fragment key={item.key}>
            {item.group !== shown[index - 1]?.group && (
              <div role="presentation" className="palette-group">
                {item.group}
              </div>
            )}
            {/* The focus stays in the search box (aria-activedescendant): options take it by script only. */}
            <div
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === current}
              aria-describedby={`${optionId(index)}-group`}
              className={`palette-option ${index === current ? 'active' : ''}`}
              onMouseMove={() => setActive(index)}
              onMouseDown={(event) => {
                event.preventDefault();
                onRun(item);
              }}
            >
              <span className="palette-label">{item.label}</span>
              {item.detail && <span className="muted palette-detail">{item.detail}</span>}
              <span id={`${optionId(index)}-group`} className="visually-hidden">
                {item.group}
              </span>
              {item.keys && (
                <span className="palette-keys" aria-hidden="true">
                  {item.keys.map((name) => (
                    <kbd key={name}>{name}</kbd>
                  ))}
                </span>
              )}
            </div>
          </Fragment>
        ))}
      </div>
      <p className="muted palette-status" aria-live="polite">
        {found.busy
          ? t('palette.searching')
          : shown.length === 0
            ? t('palette.nothing')
            : t('palette.found', { count: shown.length })}
      </p>
    </Dialog>
  );
}
