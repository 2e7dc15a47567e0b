/** One thing the command palette can do: open a ticket or contact, insert a canned response, run an action. */
export interface PaletteItem {
  key: string;
  group: string;
  label: string;
  detail?: string;
  /** The shortcut that does the same, shown beside it. */
  keys?: string[];
  run: () => void;
}

/** The items whose label or detail holds every word typed, case-insensitively. */
export function filterItems(items: readonly PaletteItem[], typed: string): PaletteItem[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    const text = `${item.label} ${item.detail ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
