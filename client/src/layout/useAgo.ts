// "just now", "5 min ago", "3 days ago": how long ago, in the agent's language, for lists of people and mentions.
import { useCallback } from 'react';
import { useT } from '../i18n/I18n';

/** How long ago `iso` was, in whole minutes, hours or days; `compact` leaves out the "ago" ("5 min"). */
export function useAgo(): (iso: string, compact?: boolean) => string {
  const t = useT();
  return useCallback(
    (iso, compact = false) => {
      const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
      const minutes = Math.floor(seconds / 60);
      const hours = Math.floor(minutes / 60);
      const days = Math.floor(hours / 24);
      const age =
        seconds < 60
          ? t('ago.now')
          : minutes < 60
            ? t('ago.minutes', { count: minutes })
            : hours < 24
              ? t('ago.hours', { count: hours })
              : t('ago.days', { count: days });
      if (compact) return age;
      return seconds < 60 ? t('ago.justNow') : t('ago.ago', { age });
    },
    [t],
  );
}
