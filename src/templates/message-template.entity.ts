// An approved WhatsApp message template, registered by an admin: what agents may send once the 24-hour window has closed.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description:
    'A WhatsApp message template approved in Meta’s WhatsApp Manager and registered here by an admin. Agents send it with sendTemplate, also after the 24-hour reply window has closed.',
})
@Entity({ tableName: 'message_templates' })
@Unique({ properties: ['name', 'languageCode'] })
export class MessageTemplate {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: 'The template’s id, for sendTemplate.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, {
    description:
      'The template’s name as approved by WhatsApp: lower-case letters, digits and underscores, e.g. ticket_follow_up.',
  })
  @Property({ type: 'string', length: 512 })
  name!: string;

  @Field(() => String, {
    description: 'The language the template was approved in, e.g. en or en_US. Name and language together are unique.',
  })
  @Property({ type: 'string', length: 16 })
  languageCode!: string;

  @Field(() => String, {
    description: 'The body text as approved, with its parameters {{1}}, {{2}}, … numbered from 1 without gaps.',
  })
  @Property({ type: 'text' })
  body!: string;

  @Field(() => Int, { description: 'How many parameters sendTemplate needs: the highest {{n}} in the body.' })
  @Property({ type: 'integer' })
  parameterCount!: number;

  @Field(() => Date, { description: 'When it was registered.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();
}
