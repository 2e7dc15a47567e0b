// Whether this server runs the built-in WhatsApp simulator: its queries answer FORBIDDEN when it is off.
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';

const SIMULATOR_ON = graphql(`
  query SimulatorOn {
    simulatorPhones { phoneNumber }
  }
`);

/** True once the server has answered that the simulator is on; false while asking and when it is off. */
export function useSimulatorOn(): boolean {
  const { data, error } = useQuery(SIMULATOR_ON, { errorPolicy: 'all', fetchPolicy: 'cache-first' });
  return !error && data?.simulatorPhones !== undefined;
}
