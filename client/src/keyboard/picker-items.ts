// The choices of the pickers that a/p/s/l open in the palette, and the palette's own actions and places.
import type { Translate } from '../format';
import type { AgentsQuery, TicketPriority } from '../gql/graphql';
import type { PaletteItem } from '../palette/palette-item';
import { navigate } from '../router';
import { PRIORITY_LABELS } from '../tickets/labels';
import { snoozeChoices } from '../tickets/snooze-times';
import { PRIORITY_KEYS, SHORTCUTS, type ShortcutId } from './keymap';

export type PickerScope = 'palette' | 'assign' | 'priority' | 'snooze' | 'label';

export const PICKER_TITLES: Record<PickerScope, { title: string; placeholder: string }> = {
  palette: { title: 'Command palette', placeholder: 'Find a ticket, contact, canned response or action…' },
  assign: { title: 'Assign the ticket to', placeholder: 'Agent name…' },
  priority: { title: 'Set the priority', placeholder: 'Priority…' },
  snooze: { title: 'Snooze the ticket until', placeholder: 'When…' },
  label: { title: 'Add or remove a label', placeholder: 'Label…' },
};

const PLACES: [string, string][] = [
  ['Tickets', '/'],
  ['Simulator', '/simulator'],
  ['Canned responses', '/canned-responses'],
  ['Reports', '/reports'],
  ['Settings', '/settings'],
  ['My account', '/account'],
];

/** The palette's actions: the key map's (those that need a ticket only while one is open), then the screens. */
export function paletteActions(run: (id: ShortcutId) => void, hasTicket: boolean): PaletteItem[] {
  const actions = SHORTCUTS.filter((shortcut) => shortcut.paletteLabel && (hasTicket || !shortcut.needsTicket)).map(
    (shortcut) => ({
      key: `action-${shortcut.id}`,
      group: 'Actions',
      label: shortcut.paletteLabel!,
      keys: shortcut.keys,
      run: () => run(shortcut.id),
    }),
  );
  const places = PLACES.map(([label, path]) => ({
    key: `go-${path}`,
    group: 'Go to',
    label: `Go to ${label}`,
    run: () => navigate(path),
  }));
  return [...actions, ...places];
}

export function assignItems(agents: AgentsQuery | undefined, assign: (adminId: string | null) => void): PaletteItem[] {
  const people = (agents?.admins ?? []).map((admin) => ({
    key: `assign-${admin.id}`,
    group: 'Agents',
    label: admin.id === agents?.me?.id ? `${admin.name} (me)` : admin.name,
    run: () => assign(admin.id),
  }));
  return [...people, { key: 'assign-none', group: 'Agents', label: 'Unassigned', run: () => assign(null) }];
}

export function priorityItems(t: Translate, setPriority: (priority: TicketPriority) => void): PaletteItem[] {
  return Object.entries(PRIORITY_KEYS).map(([digit, priority]) => ({
    key: `priority-${priority}`,
    group: 'Priority',
    label: t(PRIORITY_LABELS[priority]),
    keys: [digit],
    run: () => setPriority(priority),
  }));
}

export function snoozeItems(t: Translate, snooze: (until: Date | null) => void): PaletteItem[] {
  return snoozeChoices().map((choice) => ({
    key: `snooze-${choice.label}`,
    group: 'Snooze until',
    label: t(choice.label),
    run: () => snooze(choice.until),
  }));
}

export function labelItems(
  all: readonly { id: string; name: string }[],
  carried: ReadonlySet<string>,
  toggle: (labelId: string, add: boolean) => void,
): PaletteItem[] {
  return all.map((label) => ({
    key: `label-${label.id}`,
    group: 'Labels',
    label: carried.has(label.id) ? `Remove ${label.name}` : `Add ${label.name}`,
    run: () => toggle(label.id, !carried.has(label.id)),
  }));
}
