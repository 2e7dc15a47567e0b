// Opening a ticket reads my mentions in it, and a link to a note (#message-N) scrolls to it and marks it.
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { VIEW_COUNTS } from '../views/view.documents';
import { MARK_MENTIONS_READ } from './mention.documents';

export function useMentionsRead(ticketId: string, loaded: boolean): void {
  const { data } = useQuery(VIEW_COUNTS, { fetchPolicy: 'cache-first' });
  const unread = data?.notifications.unreadMentions ?? 0;
  const [markRead] = useMutation(MARK_MENTIONS_READ, { refetchQueries: ['Mentions'] });
  useEffect(() => {
    // Only when I have unread mentions somewhere: opening a ticket costs nothing more otherwise.
    if (loaded && unread > 0) void markRead({ variables: { ticketId } }).catch(() => undefined);
  }, [ticketId, loaded, unread, markRead]);

  useEffect(() => {
    // The detail is remounted for each ticket: once loaded, look at the address once.
    if (!loaded) return;
    const match = /^#message-(\d+)$/.exec(location.hash);
    if (!match) return;
    let tries = 0;
    // The thread renders after the ticket: look for the note for a moment.
    const timer = setInterval(() => {
      const note = document.getElementById(`message-${match[1]}`);
      if (note || ++tries > 40) clearInterval(timer);
      if (!note) return;
      note.scrollIntoView({ block: 'center' });
      note.classList.add('highlighted');
      setTimeout(() => note.classList.remove('highlighted'), 4000);
    }, 100);
    return () => clearInterval(timer);
  }, [loaded]);
}
