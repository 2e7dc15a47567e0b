import { describe, expect, it } from 'vitest';
import { summarizeBulk, whyNot } from '../../client/src/tickets/bulk-summary';
import { translator } from './translate';

const t = translator('en');
import {
  clickSelection,
  keepShown,
  NOTHING_SELECTED,
  type RangeSelection,
  toggleAllShown,
} from '../../client/src/tickets/useRangeSelection';

const rows = ['1', '2', '3', '4', '5', '6', '7'];
const ticked = (state: RangeSelection) => [...state.selected].sort();
const clicks = (...steps: [string, boolean][]) =>
  steps.reduce((state, [id, shift]) => clickSelection(state, rows, id, shift), NOTHING_SELECTED);

describe('ticking tickets in the list', () => {
  it('a click toggles one row and becomes the anchor', () => {
    expect(ticked(clicks(['3', false]))).toEqual(['3']);
    expect(ticked(clicks(['3', false], ['3', false]))).toEqual([]);
    expect(clicks(['3', false]).anchor).toBe('3');
  });

  it('a shift-click ticks every row between the anchor and it, downwards or upwards', () => {
    expect(ticked(clicks(['2', false], ['6', true]))).toEqual(['2', '3', '4', '5', '6']);
    expect(ticked(clicks(['6', false], ['3', true]))).toEqual(['3', '4', '5', '6']);
  });

  it('a shift-click on a ticked row unticks the range, as in Gmail', () => {
    const all = clicks(['1', false], ['7', true]);
    expect(ticked(clickSelection(all, rows, '4', true))).toEqual(['1', '2', '3']);
    // The range runs from the last row clicked (7) to 4; 1 to 3 stay ticked.
  });

  it('a shift-click with no anchor, or an anchor that left the view, ticks only that row', () => {
    expect(ticked(clicks(['4', true]))).toEqual(['4']);
    const gone = { selected: new Set(['9']), anchor: '9' };
    expect(ticked(clickSelection(gone, rows, '2', true))).toEqual(['2', '9']);
  });

  it('the select-all box ticks every row shown, and unticks them all when all are ticked', () => {
    const all = toggleAllShown(clicks(['2', false]), rows);
    expect(ticked(all)).toEqual(rows);
    expect(ticked(toggleAllShown(all, rows))).toEqual([]);
  });

  it('a ticket that left the view leaves the selection, and the same state is kept when nothing left', () => {
    const state = clicks(['2', false], ['5', true]);
    expect(keepShown(state, rows)).toBe(state);
    const kept = keepShown(state, ['1', '2', '4', '6']);
    expect(ticked(kept)).toEqual(['2', '4']);
    expect(kept.anchor).toBeNull();
  });
});

describe('the summary of a bulk action', () => {
  const ok = (id: string) => ({ ticketId: id, succeeded: true, error: null, ticket: { status: 'RESOLVED' } });
  const failed = (id: string, code: string, status: string | null, message = 'nope') => ({
    ticketId: id,
    succeeded: false,
    error: { code, message },
    ticket: status ? { status } : null,
  });

  it('counts what changed, and names each ticket that could not be, with why', () => {
    const outcomes = [...['1', '2', '3', '4', '5', '6', '7', '8'].map(ok), failed('123', 'BAD_USER_INPUT', 'CLOSED')];
    expect(summarizeBulk(t, { action: 'resolved' }, outcomes)).toBe(
      '8 resolved, 1 could not be: #123 was already closed',
    );
    expect(summarizeBulk(t, { action: 'resolved' }, [ok('1')])).toBe('1 resolved');
  });

  it('says why in words for a gone ticket and a race, and gives the server’s words otherwise', () => {
    expect(whyNot(t, failed('9', 'NOT_FOUND', null))).toBe('#9 no longer exists');
    expect(whyNot(t, failed('9', 'CONFLICT', 'OPEN'))).toBe('#9 was being changed by someone else; try it again');
    expect(whyNot(t, failed('9', 'BAD_USER_INPUT', 'OPEN', 'Ticket 9 is not snoozed'))).toBe(
      '#9: Ticket 9 is not snoozed',
    );
  });

  it('names three failures and counts the rest; when none changed it says so', () => {
    const outcomes = ['1', '2', '3', '4', '5'].map((id) => failed(id, 'NOT_FOUND', null));
    expect(summarizeBulk(t, { action: 'snoozed' }, outcomes)).toBe(
      'None could be snoozed: #1 no longer exists; #2 no longer exists; #3 no longer exists; and 2 more',
    );
    expect(
      summarizeBulk(translator('es'), { action: 'resolved' }, [ok('1'), ok('2'), failed('3', 'NOT_FOUND', null)]),
    ).toBe('2 resueltos; con 1 no se pudo: #3 ya no existe');
  });
});
