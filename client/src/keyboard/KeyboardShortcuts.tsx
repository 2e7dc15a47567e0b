// The desk's keyboard: one listener dispatching the key map's shortcuts, the `?` overlay, the command palette and
// its pickers, and the resolve dialog, with a live line saying what a shortcut did.
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/I18n';
import { useLabels } from '../labels/useLabels';
import { CommandPalette } from '../palette/CommandPalette';
import type { PaletteItem } from '../palette/palette-item';
import { ResolveDialog } from '../resolve/ResolveDialog';
import { navigate, type Route } from '../router';
import { KEYBOARD_TICKET_LABELS } from './keyboard.documents';
import { useDeskCommands, sendDeskCommand } from './desk-commands';
import { PRIORITY_KEYS, SIMILAR_REPLY_KEYS, shortcutFor, type ShortcutId } from './keymap';
import {
  currentRowIndex,
  focusFirstShown,
  focusRow,
  focusRowWhenShown,
  listedTicketIds,
  nextAfter,
  ticketRows,
} from './list-navigation';
import {
  assignItems,
  labelItems,
  paletteActions,
  PICKER_TITLES,
  type PickerScope,
  priorityItems,
  snoozeItems,
} from './picker-items';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { useTicketChanges } from './useTicketChanges';

/** Where Enter already does something of its own, and arrows move within a widget. */
const OWN_KEYS =
  'a, button, summary, [role="tab"], [role="menu"], [role="menuitem"], [role="listbox"], [role="option"]';

function focusSearchWhenShown(deadline = Date.now() + 2000): void {
  const field = document.querySelector<HTMLInputElement>('.ticket-list input[type="search"]');
  if (field) field.focus();
  else if (Date.now() < deadline) requestAnimationFrame(() => focusSearchWhenShown(deadline));
}

export function KeyboardShortcuts({ route }: { route: Route }) {
  const t = useT();
  const ticketId = route.screen === 'tickets' ? route.ticketId : null;
  const [overlay, setOverlay] = useState(false);
  const [picker, setPicker] = useState<PickerScope | null>(null);
  const [resolving, setResolving] = useState<{ ticketId: string; andNext: boolean; order: string[] } | null>(null);
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);
  const say = (text: string, failed = false) => setSaid({ text, failed });
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(null), 5000);
    return () => clearTimeout(timer);
  }, [said]);
  const changes = useTicketChanges(ticketId, say);
  const labels = useLabels();
  const { data: ticketLabels } = useQuery(KEYBOARD_TICKET_LABELS, {
    variables: { id: ticketId ?? '' },
    skip: !ticketId || picker !== 'label',
    fetchPolicy: 'cache-first',
  });

  const move = (step: number) => {
    const rows = ticketRows();
    if (rows.length === 0) return;
    const index = currentRowIndex(rows, ticketId);
    const row = rows[Math.max(0, Math.min(rows.length - 1, index < 0 ? 0 : index + step))]!;
    focusRow(row);
    // While a ticket is open, moving reads the next one, as a mail reader does.
    if (ticketId) row.click();
  };

  const actions: Record<ShortcutId, (event?: KeyboardEvent) => void> = {
    next: () => move(1),
    previous: () => move(-1),
    open: () => {
      const rows = ticketRows();
      const row = rows[currentRowIndex(rows, ticketId)] ?? rows[0];
      if (!row) return;
      focusRow(row);
      row.click();
    },
    search: () => {
      if (route.screen !== 'tickets') navigate('/');
      focusSearchWhenShown();
    },
    reply: () => ticketId && sendDeskCommand({ type: 'reply-box', ticketId, action: 'reply' }),
    note: () => ticketId && sendDeskCommand({ type: 'reply-box', ticketId, action: 'note' }),
    send: () => {
      const box = document.activeElement?.closest('.reply-box');
      box?.querySelector<HTMLButtonElement>('.reply-actions .primary')?.click();
    },
    similarReply: (event) => {
      const index = event && SIMILAR_REPLY_KEYS[event.code];
      if (index === undefined || !ticketId) return;
      const insert = document.querySelector<HTMLButtonElement>(`.similar-tickets [data-similar-insert="${index + 1}"]`);
      if (insert) insert.click();
      else say(t('similar.noneToInsert', { number: index + 1 }), true);
    },
    resolve: () => ticketId && setResolving({ ticketId, andNext: false, order: listedTicketIds() }),
    resolveNext: () => ticketId && setResolving({ ticketId, andNext: true, order: listedTicketIds() }),
    assignToMe: () => void changes.assignToMe(),
    assign: () => setPicker('assign'),
    priority: () => setPicker('priority'),
    priorityDirect: (event) => {
      const priority = event && PRIORITY_KEYS[event.key];
      if (priority) void changes.setPriority(priority);
    },
    snooze: () => setPicker('snooze'),
    label: () => setPicker('label'),
    palette: () => setPicker('palette'),
    help: () => setOverlay(true),
  };
  const latest = useRef({ actions, ticketId, t });
  latest.current = { actions, ticketId, t };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // A dialog owns the keyboard while it is open: Esc, Tab and its own keys.
      if (document.querySelector('dialog[open]')) return;
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      // Without a ticket list on screen the arrows keep scrolling the page.
      if (event.key.startsWith('Arrow') && ticketRows().length === 0) return;
      const target = event.target instanceof Element ? event.target : null;
      const arrowOrEnter = ['Enter', 'ArrowDown', 'ArrowUp'].includes(event.key);
      if (
        arrowOrEnter &&
        !event.ctrlKey &&
        !event.metaKey &&
        target?.closest(OWN_KEYS) &&
        !target.closest('.ticket-list [data-testid="ticket-row"]')
      )
        return;
      if (shortcut.id === 'open' && event.key === 'Enter' && target?.closest('a')) return;
      if (shortcut.needsTicket && !latest.current.ticketId) {
        if (shortcut.inFields) return;
        const { t: translate } = latest.current;
        setSaid({ text: translate('keys.needsTicket', { action: translate(shortcut.label) }), failed: true });
        event.preventDefault();
        return;
      }
      event.preventDefault();
      latest.current.actions[shortcut.id](event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // The ticket's own buttons ask for the resolve dialog too.
  useDeskCommands((command) => {
    if (command.type === 'resolve')
      setResolving({ ticketId: command.ticketId, andNext: command.andNext, order: listedTicketIds() });
  });

  const pickerItems = (): PaletteItem[] => {
    switch (picker) {
      case 'palette':
        return paletteActions(t, (id) => actions[id](), ticketId !== null);
      case 'assign':
        return assignItems(t, changes.agents, (adminId) => void changes.assign(adminId));
      case 'priority':
        return priorityItems(t, (priority) => void changes.setPriority(priority));
      case 'snooze':
        return snoozeItems(t, (until) => void changes.snooze(until));
      case 'label':
        return labelItems(
          t,
          labels,
          new Set(ticketLabels?.ticket?.labels.map((label) => label.id)),
          (labelId, add) => void changes.toggleLabel(labelId, add),
        );
      default:
        return [];
    }
  };

  return (
    <>
      <p className={`keyboard-status ${said?.failed ? 'error' : ''}`} role="status" data-testid="keyboard-status">
        {said?.text}
      </p>
      {overlay && <ShortcutsOverlay onClose={() => setOverlay(false)} />}
      {picker && (
        <CommandPalette
          key={picker}
          title={t(PICKER_TITLES[picker].title)}
          placeholder={t(PICKER_TITLES[picker].placeholder)}
          items={pickerItems()}
          searchEverything={picker === 'palette'}
          openTicketId={ticketId}
          onClose={() => setPicker(null)}
          onRun={(item) => {
            setPicker(null);
            // After the palette has closed and given focus back, so that what the item focuses keeps it.
            setTimeout(item.run, 0);
          }}
        />
      )}
      {resolving && (
        <ResolveDialog
          ticketId={resolving.ticketId}
          andNext={resolving.andNext}
          onClose={() => setResolving(null)}
          onResolved={(goOn) => {
            const { ticketId: resolved, order } = resolving;
            setResolving(null);
            say(t('keys.resolved', { id: resolved }));
            if (!goOn) {
              // The button that opened the dialog may be gone with the change (Resolve… becomes Reopen): the focus
              // goes to the ticket's row, else to Reopen, rather than to nowhere.
              setTimeout(() => {
                if (document.activeElement && document.activeElement !== document.body) return;
                focusFirstShown([
                  `.ticket-list [data-testid="ticket-row"][href="/tickets/${resolved}"]`,
                  '.detail-actions button[data-action="reopen"]',
                  '.actions-toggle',
                ]);
              }, 50);
              return;
            }
            const next = nextAfter(order, resolved);
            setTimeout(() => {
              if (next) {
                navigate(`/tickets/${encodeURIComponent(next)}`);
                focusRowWhenShown(next);
              } else {
                navigate('/');
                say(t('keys.resolvedLast', { id: resolved }));
                focusSearchWhenShown();
              }
            }, 0);
          }}
        />
      )}
    </>
  );
}
