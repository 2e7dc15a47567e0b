// The list's address parameters, the API's filter and a saved view's filters say the same thing each way.
import { describe, expect, it } from 'vitest';
import { orderOf, paramsOfSaved, savedFiltersOf, scopeOf, ticketFilterOf } from '../../client/src/views/list-filter.js';
import { DEFAULT_PARAMS, readParams, writeParams } from '../../client/src/views/list-params.js';

describe('the ticket list parameters', () => {
  it('keep only what differs from the defaults in the address, and read it back', () => {
    expect(writeParams(DEFAULT_PARAMS)).toBe('');
    const params = { ...DEFAULT_PARAMS, tab: 'mine' as const, status: 'snoozed', q: 'refund & more' };
    expect(readParams(writeParams(params))).toEqual(params);
  });

  it('a tab decides whose tickets; a saved view keeps its own scope', () => {
    const views = [{ id: '7', filters: { assignee: 'UNASSIGNED' as const } }];
    expect(ticketFilterOf({ ...DEFAULT_PARAMS, tab: 'mine' }, 'ME', '3')).toMatchObject({ assigneeId: '3' });
    expect(scopeOf({ ...DEFAULT_PARAMS, tab: 'view:7' }, views)).toBe('UNASSIGNED');
    expect(ticketFilterOf({ ...DEFAULT_PARAMS, agent: '5' }, 'ANYONE', '3')).toMatchObject({ assigneeId: '5' });
  });

  it('what is saved opens as the same filters', () => {
    for (const change of [
      { status: 'snoozed', priority: 'URGENT', sla: 'late', sort: 'oldest', label: '4', q: 'exam' },
      { status: 'all', agent: '9' },
      { status: 'RESOLVED', sla: 'OK', sort: 'priority' },
      { sort: 'relevance', q: 'transcript refund' },
    ]) {
      const params = { ...DEFAULT_PARAMS, ...change };
      const saved = savedFiltersOf(params, 'ANYONE');
      const { tab: _, ...rest } = params;
      expect(paramsOfSaved(saved)).toEqual(rest);
    }
  });

  it('Best match applies only with a search; without one the list orders by newest activity', () => {
    expect(orderOf({ ...DEFAULT_PARAMS, sort: 'relevance', q: 'refund' })).toEqual({
      field: 'RELEVANCE',
      direction: 'DESC',
    });
    expect(orderOf({ ...DEFAULT_PARAMS, sort: 'relevance', q: '  ' })).toEqual({
      field: 'LAST_MESSAGE_AT',
      direction: 'DESC',
    });
  });
});
