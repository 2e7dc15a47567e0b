// GraphQL inputs and the change event for labels.
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ChangeKind } from '../graphql/change.types.js';
import { Label, type LabelRecord } from './label.entity.js';

@InputType()
export class CreateLabelInput {
  @Field(() => String, { description: '1 to 40 characters; spaces around it are dropped. Unique regardless of case.' })
  name!: string;

  @Field(() => String, { description: 'As #rrggbb, e.g. #1f6feb.' })
  color!: string;
}

@InputType({ description: 'Rename, recolour, or both; a field left out (or null) stays as it is.' })
export class UpdateLabelInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  color?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A label was created, renamed or recoloured, or deleted (and so taken off every ticket).' })
export class LabelChange {
  @Field(() => ChangeKind)
  change!: ChangeKind;

  @Field(() => ID)
  id!: number;

  @Field(() => Label, { nullable: true, description: 'As it is now; null once deleted.' })
  label!: LabelRecord | null;
}
