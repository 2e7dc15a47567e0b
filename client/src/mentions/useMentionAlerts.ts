// A desktop notification when a note mentions me, if I allowed them (asked for on a click, never on load).
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/I18n';
import { VIEW_COUNTS } from '../views/view.documents';

export function useMentionAlerts(): number {
  const t = useT();
  const { data } = useQuery(VIEW_COUNTS, { fetchPolicy: 'cache-first' });
  const unread = data?.notifications.unreadMentions;
  const previous = useRef<number | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = unread;
    if (before === undefined || unread === undefined || unread <= before) return;
    if ('Notification' in window && Notification.permission === 'granted')
      new Notification(t('mentions.alertTitle'), { body: t('mentions.alertBody') });
  }, [unread, t]);
  return unread ?? 0;
}
