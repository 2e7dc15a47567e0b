import { graphql } from '../gql';

/** Who is signed in, and who tickets can be assigned to. */
export const AGENTS = graphql(`
  query Agents {
    me { id name role }
    admins { id name }
  }
`);
