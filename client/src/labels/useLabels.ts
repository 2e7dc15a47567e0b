// The desk's labels, kept live: a label created, renamed, recoloured or deleted anywhere shows at once.
import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { LABEL_CHANGED, LABELS } from './label.documents';

export function useLabels() {
  const client = useApolloClient();
  const { data, refetch } = useQuery(LABELS);
  useSubscription(LABEL_CHANGED, {
    onData: ({ data: event }) => {
      const change = event.data?.labelChanged;
      if (!change) return;
      if (change.change === 'DELETED') {
        // Tickets' chips refer to the label by id: once it is gone from the cache they drop it.
        client.cache.evict({ id: client.cache.identify({ __typename: 'Label', id: change.id }) });
        client.cache.gc();
      }
      // A rename or recolour arrives normalized in the event; the list needs reading for new labels and order.
      void refetch();
    },
  });
  return data?.labels ?? [];
}
