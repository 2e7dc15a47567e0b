// GraphQL output types of canned responses that are not entities: the change event.
import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeKind } from '../graphql/change.types.js';
import { CannedResponse } from './canned-response.entity.js';

@ObjectType({ simpleResolvers: true, description: 'A canned response was created, changed or deleted.' })
export class CannedResponseChange {
  @Field(() => ChangeKind, { description: 'Whether it was created, changed or deleted.' })
  change!: ChangeKind;

  @Field(() => ID, { description: 'The canned response’s id (also once it is deleted).' })
  id!: number;

  @Field(() => CannedResponse, { nullable: true, description: 'As it is now; null once deleted.' })
  cannedResponse!: CannedResponse | null;
}
