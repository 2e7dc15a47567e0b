// The desk's keyboard shortcuts, in one table: the key handler dispatches from it, the `?` overlay lists it and the
// command palette offers its actions, so what is shown cannot drift from what works.
import type { TicketPriority } from '../gql/graphql';

export type ShortcutId =
  | 'next'
  | 'previous'
  | 'open'
  | 'reply'
  | 'note'
  | 'send'
  | 'resolve'
  | 'resolveNext'
  | 'assignToMe'
  | 'assign'
  | 'priority'
  | 'priorityDirect'
  | 'snooze'
  | 'label'
  | 'search'
  | 'palette'
  | 'help';

export interface Shortcut {
  id: ShortcutId;
  /** The keys as the overlay shows them; each is one way to press it. */
  keys: string[];
  label: string;
  group: 'Move around' | 'On the open ticket' | 'Writing' | 'Anywhere';
  /** Whether a key press is this shortcut. */
  matches: (event: KeyboardEvent) => boolean;
  /** Fires while typing in a field too (only Ctrl/⌘ shortcuts do). */
  inFields?: boolean;
  /** Acts on the open ticket: nothing happens without one. */
  needsTicket?: boolean;
  /** Offered by the command palette under this name (the shortcuts that move a cursor are not). */
  paletteLabel?: string;
}

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;
const key =
  (...names: string[]) =>
  (event: KeyboardEvent) =>
    plain(event) && !event.shiftKey && names.includes(event.key);
const withMod = (name: string) => (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === name;

/** The digits 1–4 set the priority straight, most urgent first. */
export const PRIORITY_KEYS: Record<string, TicketPriority> = { '1': 'URGENT', '2': 'HIGH', '3': 'MEDIUM', '4': 'LOW' };

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'next',
    keys: ['j', '↓'],
    label: 'Next ticket in the list',
    group: 'Move around',
    matches: key('j', 'ArrowDown'),
  },
  {
    id: 'previous',
    keys: ['k', '↑'],
    label: 'Previous ticket in the list',
    group: 'Move around',
    matches: key('k', 'ArrowUp'),
  },
  { id: 'open', keys: ['Enter', 'o'], label: 'Open the ticket', group: 'Move around', matches: key('Enter', 'o') },
  {
    id: 'search',
    keys: ['/'],
    label: 'Search tickets',
    group: 'Move around',
    matches: key('/'),
    paletteLabel: 'Search the ticket list',
  },
  {
    id: 'reply',
    keys: ['r'],
    label: 'Reply (focus the reply box)',
    group: 'Writing',
    matches: key('r'),
    needsTicket: true,
    paletteLabel: 'Reply',
  },
  {
    id: 'note',
    keys: ['n'],
    label: 'Write an internal note',
    group: 'Writing',
    matches: key('n'),
    needsTicket: true,
    paletteLabel: 'Write an internal note',
  },
  {
    id: 'send',
    keys: ['Ctrl+Enter', '⌘+Enter'],
    label: 'Send the reply or note',
    group: 'Writing',
    matches: (event) => (event.ctrlKey || event.metaKey) && event.key === 'Enter',
    inFields: true,
    needsTicket: true,
  },
  {
    id: 'resolve',
    keys: ['e'],
    label: 'Resolve (the closing message can be edited first)',
    group: 'On the open ticket',
    matches: key('e'),
    needsTicket: true,
    paletteLabel: 'Resolve',
  },
  {
    id: 'resolveNext',
    keys: ['Shift+E'],
    label: 'Resolve and open the next ticket',
    group: 'On the open ticket',
    matches: (event) => plain(event) && event.shiftKey && event.key.toLowerCase() === 'e',
    needsTicket: true,
    paletteLabel: 'Resolve and next',
  },
  {
    id: 'assignToMe',
    keys: ['i'],
    label: 'Assign to me',
    group: 'On the open ticket',
    matches: key('i'),
    needsTicket: true,
    paletteLabel: 'Assign to me',
  },
  {
    id: 'assign',
    keys: ['a'],
    label: 'Assign to…',
    group: 'On the open ticket',
    matches: key('a'),
    needsTicket: true,
    paletteLabel: 'Assign to…',
  },
  {
    id: 'priority',
    keys: ['p'],
    label: 'Set the priority…',
    group: 'On the open ticket',
    matches: key('p'),
    needsTicket: true,
    paletteLabel: 'Set the priority…',
  },
  {
    id: 'priorityDirect',
    keys: ['1', '2', '3', '4'],
    label: 'Priority urgent, high, medium, low',
    group: 'On the open ticket',
    matches: key(...Object.keys(PRIORITY_KEYS)),
    needsTicket: true,
  },
  {
    id: 'snooze',
    keys: ['s'],
    label: 'Snooze…',
    group: 'On the open ticket',
    matches: key('s'),
    needsTicket: true,
    paletteLabel: 'Snooze…',
  },
  {
    id: 'label',
    keys: ['l'],
    label: 'Label…',
    group: 'On the open ticket',
    matches: key('l'),
    needsTicket: true,
    paletteLabel: 'Label…',
  },
  {
    id: 'palette',
    keys: ['Ctrl+K', '⌘+K'],
    label: 'Command palette: tickets, contacts, canned responses, actions',
    group: 'Anywhere',
    matches: withMod('k'),
    inFields: true,
  },
  {
    id: 'help',
    keys: ['?'],
    label: 'Show these shortcuts',
    group: 'Anywhere',
    matches: (event) => !event.ctrlKey && !event.metaKey && event.key === '?',
    paletteLabel: 'Show the keyboard shortcuts',
  },
];

/** Esc is every dialog's own (the browser's cancel), listed with the rest. */
export const ESCAPE_ROW = { keys: ['Esc'], label: 'Close the dialog or menu; focus goes back where it was' };

/** Whether the key press happens while typing: in a text field, a select or an editable element. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
}

/** The shortcut a key press is, if any, given where it happened. */
export function shortcutFor(event: KeyboardEvent): Shortcut | undefined {
  const typing = isTyping(event.target);
  return SHORTCUTS.find((shortcut) => (!typing || shortcut.inFields) && shortcut.matches(event));
}
