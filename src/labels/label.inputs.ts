// GraphQL inputs for labels: what admins may pass to create and change them.
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A new label (createLabel).' })
export class CreateLabelInput {
  @Field(() => String, { description: '1 to 40 characters; spaces around it are dropped. Unique regardless of case.' })
  name!: string;

  @Field(() => String, { description: 'As #rrggbb, e.g. #1f6feb.' })
  color!: string;
}

@InputType({ description: 'Rename, recolour, or both; a field left out (or null) stays as it is.' })
export class UpdateLabelInput {
  @Field(() => String, {
    nullable: true,
    description: '1 to 40 characters; spaces around it are dropped. A name taken in any case is BAD_USER_INPUT.',
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'As #rrggbb, e.g. #1f6feb.' })
  color?: string | null;
}
