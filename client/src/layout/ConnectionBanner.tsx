import { useEffect, useState } from 'react';
import { onConnectionState, type ConnectionState } from '../apollo';

/** Says so when the server cannot be reached; goes away by itself when it can again. */
export function ConnectionBanner() {
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => onConnectionState(setState), []);
  if (state !== 'offline') return null;
  return (
    <div role="status" className="banner offline">
      The server cannot be reached. Reconnecting… Changes you make now may fail; nothing on screen is lost.
    </div>
  );
}
