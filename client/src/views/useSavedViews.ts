// The saved views the agent sees, their counts read again whenever the badge's counts move (tickets came,
// went or changed hands): a count per view, no subscription of their own.
import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { SAVED_VIEWS, VIEW_COUNTS } from './view.documents';

export function useSavedViews() {
  const { data, refetch } = useQuery(SAVED_VIEWS, { fetchPolicy: 'cache-and-network' });
  const { data: counts } = useQuery(VIEW_COUNTS, { fetchPolicy: 'cache-first' });
  const moved = counts?.notifications;
  useEffect(() => {
    if (!moved) return;
    const timer = setTimeout(() => void refetch(), 300);
    return () => clearTimeout(timer);
  }, [moved, refetch]);
  return { views: data?.savedViews ?? [], refetch };
}
