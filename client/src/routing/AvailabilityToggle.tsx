// The header's available/away switch: only available agents are assigned new tickets automatically.
import { useMutation } from '@apollo/client/react';
import { SET_AVAILABILITY } from './routing.documents';

export function AvailabilityToggle({ available }: { available: boolean }) {
  const [setAvailability, { loading, error }] = useMutation(SET_AVAILABILITY);
  return (
    <label
      className="availability-toggle"
      title={error ? `Not changed: ${error.message}` : 'Available agents are assigned new tickets automatically'}
    >
      <input
        type="checkbox"
        checked={available}
        disabled={loading}
        onChange={() => void setAvailability({ variables: { available: !available } }).catch(() => undefined)}
      />{' '}
      {available ? 'Available' : 'Away'}
    </label>
  );
}
