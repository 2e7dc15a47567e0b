// Relay connection pieces shared by every paginated list.
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/**
 * The edges and pageInfo of a page of nodes. Cursors are encoded only when a field asks for one: the
 * dashboard's list never does, and encoding fifty of them per request showed in its profile.
 */
export function connectionOf<T>(
  nodes: T[],
  cursorOf: (node: T) => string,
  hasNextPage: boolean,
  hasPreviousPage: boolean,
): { edges: { node: T; cursor: string }[]; pageInfo: PageInfo } {
  return {
    edges: nodes.map((node) => ({
      node,
      get cursor() {
        return cursorOf(node);
      },
    })),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      get startCursor() {
        return nodes.length ? cursorOf(nodes[0]!) : null;
      },
      get endCursor() {
        return nodes.length ? cursorOf(nodes.at(-1)!) : null;
      },
    },
  };
}
