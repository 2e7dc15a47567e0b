// The desk's keyboard shortcuts, in one table: the key handler dispatches from it, the `?` overlay lists it and the
// command palette offers its actions, so what is shown cannot drift from what works.
import type { TicketPriority } from '../gql/graphql';
import type { MessageId } from '../i18n/en';

export type ShortcutId =
  | 'next'
  | 'previous'
  | 'open'
  | 'reply'
  | 'note'
  | 'send'
  | 'similarReply'
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
  /** The message id of what it does. */
  label: MessageId;
  group: 'Move around' | 'On the open ticket' | 'Writing' | 'Anywhere';
  /** Whether a key press is this shortcut. */
  matches: (event: KeyboardEvent) => boolean;
  /** Fires while typing in a field too (only Ctrl/⌘ shortcuts do). */
  inFields?: boolean;
  /** Acts on the open ticket: nothing happens without one. */
  needsTicket?: boolean;
  /** Offered by the command palette under this name (the shortcuts that move a cursor are not). */
  paletteLabel?: MessageId;
}

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;
const key =
  (...names: string[]) =>
  (event: KeyboardEvent) =>
    plain(event) && !event.shiftKey && names.includes(event.key);
const withMod = (name: string) => (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === name;

/** Alt+1 to Alt+3 insert the reply of the first, second or third similar resolved ticket (by key position, so Mac's Option works). */
export const SIMILAR_REPLY_KEYS: Record<string, number> = { Digit1: 0, Digit2: 1, Digit3: 2 };

/** The digits 1–4 set the priority straight, most urgent first. */
export const PRIORITY_KEYS: Record<string, TicketPriority> = { '1': 'URGENT', '2': 'HIGH', '3': 'MEDIUM', '4': 'LOW' };

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'next',
    keys: ['j', '↓'],
    label: 'keys.next',
    group: 'Move around',
    matches: key('j', 'ArrowDown'),
  },
  {
    id: 'previous',
    keys: ['k', '↑'],
    label: 'keys.previous',
    group: 'Move around',
    matches: key('k', 'ArrowUp'),
  },
  { id: 'open', keys: ['Enter', 'o'], label: 'keys.open', group: 'Move around', matches: key('Enter', 'o') },
  {
    id: 'search',
    keys: ['/'],
    label: 'keys.search',
    group: 'Move around',
    matches: key('/'),
    paletteLabel: 'keys.searchPalette',
  },
  {
    id: 'reply',
    keys: ['r'],
    label: 'keys.reply',
    group: 'Writing',
    matches: key('r'),
    needsTicket: true,
    paletteLabel: 'keys.replyPalette',
  },
  {
    id: 'note',
    keys: ['n'],
    label: 'keys.note',
    group: 'Writing',
    matches: key('n'),
    needsTicket: true,
    paletteLabel: 'keys.note',
  },
  {
    id: 'send',
    keys: ['Ctrl+Enter', '⌘+Enter'],
    label: 'keys.send',
    group: 'Writing',
    matches: (event) => (event.ctrlKey || event.metaKey) && event.key === 'Enter',
    inFields: true,
    needsTicket: true,
  },
  {
    id: 'similarReply',
    keys: ['Alt+1', 'Alt+2', 'Alt+3'],
    label: 'keys.similarReply',
    group: 'Writing',
    matches: (event) =>
      event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code in SIMILAR_REPLY_KEYS,
    inFields: true,
    needsTicket: true,
  },
  {
    id: 'resolve',
    keys: ['e'],
    label: 'keys.resolve',
    group: 'On the open ticket',
    matches: key('e'),
    needsTicket: true,
    paletteLabel: 'keys.resolvePalette',
  },
  {
    id: 'resolveNext',
    keys: ['Shift+E'],
    label: 'keys.resolveNext',
    group: 'On the open ticket',
    matches: (event) => plain(event) && event.shiftKey && event.key.toLowerCase() === 'e',
    needsTicket: true,
    paletteLabel: 'keys.resolveNextPalette',
  },
  {
    id: 'assignToMe',
    keys: ['i'],
    label: 'keys.assignToMe',
    group: 'On the open ticket',
    matches: key('i'),
    needsTicket: true,
    paletteLabel: 'keys.assignToMe',
  },
  {
    id: 'assign',
    keys: ['a'],
    label: 'keys.assign',
    group: 'On the open ticket',
    matches: key('a'),
    needsTicket: true,
    paletteLabel: 'keys.assign',
  },
  {
    id: 'priority',
    keys: ['p'],
    label: 'keys.priority',
    group: 'On the open ticket',
    matches: key('p'),
    needsTicket: true,
    paletteLabel: 'keys.priority',
  },
  {
    id: 'priorityDirect',
    keys: ['1', '2', '3', '4'],
    label: 'keys.priorityDirect',
    group: 'On the open ticket',
    matches: key(...Object.keys(PRIORITY_KEYS)),
    needsTicket: true,
  },
  {
    id: 'snooze',
    keys: ['s'],
    label: 'keys.snooze',
    group: 'On the open ticket',
    matches: key('s'),
    needsTicket: true,
    paletteLabel: 'keys.snooze',
  },
  {
    id: 'label',
    keys: ['l'],
    label: 'keys.label',
    group: 'On the open ticket',
    matches: key('l'),
    needsTicket: true,
    paletteLabel: 'keys.label',
  },
  {
    id: 'palette',
    keys: ['Ctrl+K', '⌘+K'],
    label: 'keys.palette',
    group: 'Anywhere',
    matches: withMod('k'),
    inFields: true,
  },
  {
    id: 'help',
    keys: ['?'],
    label: 'keys.help',
    group: 'Anywhere',
    matches: (event) => !event.ctrlKey && !event.metaKey && event.key === '?',
    paletteLabel: 'keys.helpPalette',
  },
];

/** Esc is every dialog's own (the browser's cancel), listed with the rest. */
export const ESCAPE_ROW: { keys: string[]; label: MessageId } = { keys: ['Esc'], label: 'keys.escape' };

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
