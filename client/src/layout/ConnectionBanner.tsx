import { useEffect, useState } from 'react';
import { onConnectionState, type ConnectionState } from '../apollo';
import { useT } from '../i18n/I18n';

/** Says so when the server cannot be reached; goes away by itself when it can again. */
export function ConnectionBanner() {
  const t = useT();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => onConnectionState(setState), []);
  if (state !== 'offline') return null;
  return (
    <div role="status" className="banner offline">
      {t('banner.offline')}
    </div>
  );
}
