// The ticket list's tabs: Mine, Unassigned, All, Mentions and the saved views, each with its live count.
// A tablist: arrow keys, Home and End move between tabs (and open them); Tab leaves the row.
import { useQuery } from '@apollo/client/react';
import { type KeyboardEvent, useRef } from 'react';
import type { SavedViewsQuery } from '../gql/graphql';
import type { ListParams, Tab } from './list-params';
import { paramsOfSaved } from './list-filter';
import { VIEW_COUNTS } from './view.documents';
import { useT } from '../i18n/I18n';

/** Saved views shown as tabs; the rest are in the Views menu. */
const VIEW_TABS = 3;

type SavedView = SavedViewsQuery['savedViews'][number];

export function ViewTabs({
  params,
  onChange,
  views,
}: {
  params: ListParams;
  onChange: (change: Partial<ListParams>) => void;
  views: readonly SavedView[];
}) {
  const t = useT();
  const { data } = useQuery(VIEW_COUNTS, { fetchPolicy: 'cache-and-network' });
  const counts = data?.notifications;
  const row = useRef<HTMLDivElement>(null);
  const builtIn: { tab: Tab; label: string; count: number | undefined; title: string }[] = [
    { tab: 'mine', label: t('views.mine'), count: counts?.assignedToMe, title: t('views.mineTitle') },
    {
      tab: 'unassigned',
      label: t('reports.unassigned'),
      count: counts?.unassigned,
      title: t('views.unassignedTitle'),
    },
    { tab: 'all', label: t('views.all'), count: counts?.activeTickets, title: t('views.allTitle') },
    { tab: 'mentions', label: t('views.mentions'), count: counts?.unreadMentions, title: t('views.mentionsTitle') },
  ];
  const shown = views.slice(0, VIEW_TABS);
  const more = views.slice(VIEW_TABS);
  const activeInMenu = more.find((view) => `view:${view.id}` === params.tab);
  const tabs: { tab: Tab; label: string; count: number | undefined; title: string }[] = [
    ...builtIn,
    ...[...shown, ...(activeInMenu ? [activeInMenu] : [])].map((view) => ({
      tab: `view:${view.id}` as Tab,
      label: view.name,
      count: view.ticketCount,
      title: view.shared ? t('views.deskView') : t('views.myView'),
    })),
  ];

  const open = (tab: Tab) => {
    const view = views.find((candidate) => `view:${candidate.id}` === tab);
    // A saved view puts its filters in the filters, where the agent can see and change them; a built-in tab
    // keeps the filters the agent set.
    onChange(view ? { tab, ...paramsOfSaved(view.filters) } : { tab });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((item) => item.tab === params.tab);
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    open(tabs[next]!.tab);
    requestAnimationFrame(() =>
      row.current?.querySelector<HTMLButtonElement>(`[data-tab="${CSS.escape(tabs[next]!.tab)}"]`)?.focus(),
    );
  };

  return (
    <div className="view-tabs-row">
      <div className="view-tabs" role="tablist" aria-label={t('views.views')} ref={row} onKeyDown={onKeyDown}>
        {tabs.map((item) => {
          const selected = item.tab === params.tab;
          return (
            <button
              key={item.tab}
              type="button"
              role="tab"
              id={`tab-${item.tab}`}
              data-tab={item.tab}
              aria-selected={selected}
              aria-controls="ticket-list-panel"
              tabIndex={selected ? 0 : -1}
              title={item.title}
              className={item.tab === 'mentions' && (item.count ?? 0) > 0 ? 'has-mentions' : undefined}
              onClick={() => open(item.tab)}
            >
              {item.label}
              <span className="tab-count" data-testid={`count-${item.tab}`}>
                {item.count ?? '–'}
              </span>
            </button>
          );
        })}
      </div>
      {more.length > 0 && (
        <label className="views-menu">
          <span className="visually-hidden">{t('views.moreViews')}</span>
          <select
            value={activeInMenu ? params.tab : ''}
            onChange={(event) => event.target.value && open(event.target.value as Tab)}
          >
            <option value="">{t('views.viewsMenu')}</option>
            {more.map((view) => (
              <option key={view.id} value={`view:${view.id}`}>
                {view.name} ({view.ticketCount})
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
