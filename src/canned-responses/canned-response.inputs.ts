// GraphQL inputs for canned responses: what clients may pass to create and change them.
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A new canned response, shared by the whole desk (createCannedResponse).' })
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
  @Field(() => String, {
    nullable: true,
    description: '1 to 32 lower-case letters, digits and dashes, unique; a taken one is BAD_USER_INPUT.',
  })
  shortcode?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 80 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 4,096 characters; {{name}} is the only placeholder.' })
  body?: string | null;
}
