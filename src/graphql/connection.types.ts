// Relay connection pieces shared by every paginated list.
import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'Where a page sits in its list (Relay): whether there is more, and the cursors at its ends.',
})
export class PageInfo {
  @Field(() => Boolean, { description: 'There are more items after this page (pass endCursor as after).' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'There are items before this page (pass startCursor as before).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the page’s first item; null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the page’s last item; null on an empty page.' })
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
