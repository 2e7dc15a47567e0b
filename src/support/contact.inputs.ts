// GraphQL input for an agent's edit of a contact.
import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'Fields left out stay as they are; null or blank clears one.' })
export class UpdateContactInput {
  @Field(() => String, {
    nullable: true,
    description: 'At most 255 characters. Once set by an agent, WhatsApp’s profile name no longer replaces it.',
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 64 characters.' })
  studentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text for agents, at most 4,000 characters.' })
  notes?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The language the bot speaks to them: en or es (other codes are refused with BAD_USER_INPUT); blank clears it (the desk’s default).',
  })
  language?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The notesRevision your notes were written from: when someone has changed the notes since, the edit is refused with CONFLICT instead of overwriting theirs.',
  })
  baseNotesRevision?: number | null;
}
