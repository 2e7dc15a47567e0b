// GraphQL output types for the list of contacts: a Relay connection, with its total counted only when asked for.
import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/connection.types.js';
import { Contact, type ContactRecord } from './contact.entity.js';

@ObjectType({ simpleResolvers: true, description: 'One contact in a list, with the cursor to page on from it.' })
export class ContactEdge {
  @Field(() => String, { description: 'Pass it as `after` to get the contacts that follow this one.' })
  cursor!: string;

  @Field(() => Contact, { description: 'The contact.' })
  node!: ContactRecord;
}

@ObjectType({ simpleResolvers: true, description: 'A page of contacts, most recently in contact first.' })
export class ContactConnection {
  @Field(() => [ContactEdge], { description: 'The page’s contacts, most recently in contact first.' })
  edges!: ContactEdge[];

  @Field(() => PageInfo, { description: 'Whether there are more pages, and the cursor to fetch the next.' })
  pageInfo!: PageInfo;

  /** Counted only when asked for (see ContactResolver.totalCount). */
  countTotal!: () => Promise<number>;
}
