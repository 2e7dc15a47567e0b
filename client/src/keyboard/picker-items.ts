// The choices of the pickers that a/p/s/l open in the palette, and the palette's own actions and places.
import type { AgentsQuery, TicketPriority } from '../gql/graphql';
import type { MessageId } from '../i18n/en';
import type { MessageValues } from '../i18n/I18n';
import type { PaletteItem } from '../palette/palette-item';
import { navigate } from '../router';
import { snoozeChoices } from '../tickets/snooze-times';
import { PRIORITY_KEYS, SHORTCUTS, type ShortcutId } from './keymap';

export type PickerScope = 'palette' | 'assign' | 'priority' | 'snooze' | 'label';

/** The translate function of `useT()`: these helpers make words but are not components. */
type Translate = (id: MessageId, values?: MessageValues) => string;

/** The message ids of each picker's title and search box placeholder. */
export const PICKER_TITLES: Record<PickerScope, { title: MessageId; placeholder: MessageId }> = {
  palette: { title: 'palette.title', placeholder: 'palette.placeholder' },
  assign: { title: 'palette.assignTitle', placeholder: 'palette.assignPlaceholder' },
  priority: { title: 'palette.priorityTitle', placeholder: 'palette.priorityPlaceholder' },
  snooze: { title: 'palette.snoozeTitle', placeholder: 'palette.snoozePlaceholder' },
  label: { title: 'palette.labelTitle', placeholder: 'palette.labelPlaceholder' },
};

const PLACES: [MessageId, string][] = [
  ['header.tickets', '/'],
  ['header.simulator', '/simulator'],
  ['header.canned', '/canned-responses'],
  ['reports.title', '/reports'],
  ['header.settings', '/settings'],
  ['header.account', '/account'],
];

/** The palette's actions: the key map's (those that need a ticket only while one is open), then the screens. */
export function paletteActions(t: Translate, run: (id: ShortcutId) => void, hasTicket: boolean): PaletteItem[] {
  const actions = SHORTCUTS.filter((shortcut) => shortcut.paletteLabel && (hasTicket || !shortcut.needsTicket)).map(
    (shortcut) => ({
      key: `action-${shortcut.id}`,
      group: t('palette.actions'),
      label: t(shortcut.paletteLabel!),
      keys: shortcut.keys,
      run: () => run(shortcut.id),
    }),
  );
  const places = PLACES.map(([label, path]) => ({
    key: `go-${path}`,
    group: t('palette.goTo'),
    label: t('palette.goToPlace', { place: t(label) }),
    run: () => navigate(path),
  }));
  return [...actions, ...places];
}

export function assignItems(
  t: Translate,
  agents: AgentsQuery | undefined,
  assign: (adminId: string | null) => void,
): PaletteItem[] {
  const people = (agents?.admins ?? []).map((admin) => ({
    key: `assign-${admin.id}`,
    group: t('agents.title'),
    label: admin.id === agents?.me?.id ? t('palette.me', { name: admin.name }) : admin.name,
    run: () => assign(admin.id),
  }));
  return [
    ...people,
    { key: 'assign-none', group: t('agents.title'), label: t('reports.unassigned'), run: () => assign(null) },
  ];
}

export function priorityItems(t: Translate, setPriority: (priority: TicketPriority) => void): PaletteItem[] {
  return Object.entries(PRIORITY_KEYS).map(([digit, priority]) => ({
    key: `priority-${priority}`,
    group: t('sla.priority'),
    label: t('palette.priority', { priority }),
    keys: [digit],
    run: () => setPriority(priority),
  }));
}

export function snoozeItems(t: Translate, snooze: (until: Date | null) => void): PaletteItem[] {
  return snoozeChoices().map((choice) => ({
    key: `snooze-${choice.label}`,
    group: t('palette.snoozeUntil'),
    label: choice.label,
    run: () => snooze(choice.until),
  }));
}

export function labelItems(
  t: Translate,
  all: readonly { id: string; name: string }[],
  carried: ReadonlySet<string>,
  toggle: (labelId: string, add: boolean) => void,
): PaletteItem[] {
  return all.map((label) => ({
    key: `label-${label.id}`,
    group: t('labels.title'),
    label: carried.has(label.id)
      ? t('palette.removeLabel', { name: label.name })
      : t('palette.addLabel', { name: label.name }),
    run: () => toggle(label.id, !carried.has(label.id)),
  }));
}
