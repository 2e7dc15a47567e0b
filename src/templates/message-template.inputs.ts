// GraphQL input for registering a message template.
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A WhatsApp message template, as Meta approved it (createMessageTemplate).' })
export class CreateMessageTemplateInput {
  @Field(() => String, {
    description: 'As approved by WhatsApp: lower-case letters, digits and underscores, at most 512 characters.',
  })
  name!: string;

  @Field(() => String, { description: 'The approved language, e.g. en or en_US.' })
  languageCode!: string;

  @Field(() => String, {
    description:
      'The approved body text, at most 1,024 characters, with parameters {{1}}, {{2}}, … numbered without gaps.',
  })
  body!: string;
}
