// Ticking tickets in the list as in Gmail: a click toggles one, a shift-click ticks (or unticks) the range from the
// last one clicked, one box ticks everything shown; Esc clears, and x ticks the row that has the focus.
import { type RefObject, useCallback, useEffect, useMemo, useState } from 'react';

export interface RangeSelection {
  selected: ReadonlySet<string>;
  /** The row clicked last: a shift-click's range starts there. */
  anchor: string | null;
}

export const NOTHING_SELECTED: RangeSelection = { selected: new Set(), anchor: null };

/**
 * The selection after a click on `id`'s box among `shownIds` (in screen order). With shift, every row between the
 * anchor and `id` takes the state the clicked box is going to: ticked when it was not, unticked when it was.
 */
export function clickSelection(
  state: RangeSelection,
  shownIds: readonly string[],
  id: string,
  withShift: boolean,
): RangeSelection {
  const selected = new Set(state.selected);
  const tick = !selected.has(id);
  const from = state.anchor === null ? -1 : shownIds.indexOf(state.anchor);
  const to = shownIds.indexOf(id);
  const range = withShift && from >= 0 && to >= 0 ? shownIds.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
  for (const each of range) {
    if (tick) selected.add(each);
    else selected.delete(each);
  }
  return { selected, anchor: id };
}

/** The select-all box: ticks every row shown, or, when all of them are ticked, none. */
export function toggleAllShown(state: RangeSelection, shownIds: readonly string[]): RangeSelection {
  const allTicked = shownIds.length > 0 && shownIds.every((id) => state.selected.has(id));
  return { selected: allTicked ? new Set() : new Set(shownIds), anchor: null };
}

/** Only what is on screen can be acted on: a ticket that left the view leaves the selection. */
export function keepShown(state: RangeSelection, shownIds: readonly string[]): RangeSelection {
  const shown = new Set(shownIds);
  if ([...state.selected].every((id) => shown.has(id)) && (state.anchor === null || shown.has(state.anchor)))
    return state;
  return {
    selected: new Set([...state.selected].filter((id) => shown.has(id))),
    anchor: state.anchor !== null && shown.has(state.anchor) ? state.anchor : null,
  };
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) &&
  !(target instanceof HTMLInputElement && target.type === 'checkbox');

/**
 * The list's selection; `rows` are the ids shown, in order, or null while the list loads. Rows carry `data-ticket-id`; keys count only while the focus is in `listRef` (or nowhere),
 * so Esc in the reply box never clears the list.
 */
export function useRangeSelection(rows: readonly string[] | null, listRef: RefObject<HTMLElement | null>) {
  const [state, setState] = useState<RangeSelection>(NOTHING_SELECTED);
  const shownKey = rows?.join(',') ?? null;
  // The same rows in a new array (each render of the list makes one) are the same rows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: shownKey stands for the rows' contents
  const shownIds = useMemo(() => rows ?? [], [shownKey]);
  // While a new filter's page loads (rows null) the selection waits: what it shows decides what stays selected.
  useEffect(() => {
    if (shownKey !== null) setState((current) => keepShown(current, shownIds));
  }, [shownKey, shownIds]);

  const selectedIds = useMemo(() => shownIds.filter((id) => state.selected.has(id)), [shownIds, state.selected]);
  const click = useCallback(
    (id: string, withShift: boolean) => setState((current) => clickSelection(current, shownIds, id, withShift)),
    [shownIds],
  );
  const toggleAll = useCallback(() => setState((current) => toggleAllShown(current, shownIds)), [shownIds]);
  const clear = useCallback(() => setState(NOTHING_SELECTED), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const focus = document.activeElement;
      const inList = focus === document.body || focus === null || (listRef.current?.contains(focus) ?? false);
      if (!inList) return;
      if (event.key === 'Escape' && selectedIds.length > 0) {
        event.preventDefault();
        clear();
      } else if ((event.key === 'x' || event.key === 'X') && !isTyping(event.target)) {
        const row = focus instanceof HTMLElement ? focus.closest<HTMLElement>('[data-ticket-id]') : null;
        if (!row?.dataset.ticketId) return;
        event.preventDefault();
        click(row.dataset.ticketId, event.shiftKey);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [listRef, selectedIds.length, clear, click]);

  const allSelected = shownIds.length > 0 && selectedIds.length === shownIds.length;
  return {
    selectedIds,
    isSelected: (id: string) => state.selected.has(id),
    click,
    toggleAll,
    clear,
    allSelected,
    someSelected: selectedIds.length > 0 && !allSelected,
  };
}
