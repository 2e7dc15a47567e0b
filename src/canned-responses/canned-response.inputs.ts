// GraphQL inputs for canned responses: what clients may pass to create and change them.
import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateCannedResponseInput {
  @Field(() => String, {
    description: '1 to 32 lower-case letters, digits and dashes (upper case is lowered), e.g. refund. Unique.',
  })
  shortcode!: string;

  @Field(() => String, { description: 'At most 80 characters.' })
  title!: string;

  @Field(() => String, {
    description: 'At most 4,096 characters. The only placeholder is {{name}}; any other is refused.',
  })
  body!: string;
}

@InputType({ description: 'The fields to change; those left out (or null) stay as they are.' })
export class UpdateCannedResponseInput {
  @Field(() => String, { nullable: true })
  shortcode?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  body?: string | null;
}
