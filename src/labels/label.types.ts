// GraphQL output types of labels that are not entities: the change event.
import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeKind } from '../graphql/change.types.js';
import { Label, type LabelRecord } from './label.entity.js';

@ObjectType({
  simpleResolvers: true,
  description: 'A label was created, renamed or recoloured, or deleted (and so taken off every ticket).',
})
export class LabelChange {
  @Field(() => ChangeKind, { description: 'Whether the label was created, changed or deleted.' })
  change!: ChangeKind;

  @Field(() => ID, { description: 'The label’s id (also once it is deleted).' })
  id!: number;

  @Field(() => Label, { nullable: true, description: 'As it is now; null once deleted.' })
  label!: LabelRecord | null;
}
