// GraphQL shapes of what a person's message carried beyond its text (see message-details.ts for what is stored).
import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'An earlier text of a message the person edited on WhatsApp.' })
export class MessageEdit {
  @Field(() => String, { description: 'The text as it was before this edit.' })
  body!: string;

  @Field(() => Date, { description: 'When the person replaced it.' })
  replacedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A place the person shared on WhatsApp.' })
export class SharedLocation {
  @Field(() => Float, { nullable: true, description: 'Degrees north (negative: south), as WhatsApp sent it.' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Degrees east (negative: west), as WhatsApp sent it.' })
  longitude!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The place’s name, when the person shared a place rather than a pin.',
  })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'The place’s address, when WhatsApp sent one.' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'A link to the place that WhatsApp sent with it, if any.' })
  url!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A map (OpenStreetMap) at the coordinates; null without coordinates.',
  })
  mapUrl!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One product line of an order placed from the catalog.' })
export class OrderLine {
  @Field(() => String, { description: "The product's retailer id (SKU) in the catalog." })
  retailerId!: string;

  @Field(() => String, { description: 'As WhatsApp sent it (a number, usually).' })
  quantity!: string;

  @Field(() => String, { nullable: true, description: 'The price of one item.' })
  itemPrice!: string | null;

  @Field(() => String, { nullable: true, description: 'The currency of itemPrice (ISO 4217, e.g. EUR).' })
  currency!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'An order the person placed from the WhatsApp catalog.' })
export class CatalogOrder {
  @Field(() => String, { nullable: true, description: 'The WhatsApp catalog the products are from.' })
  catalogId!: string | null;

  @Field(() => String, { nullable: true, description: 'What the person wrote with the order.' })
  text!: string | null;

  @Field(() => [OrderLine], { description: 'The products ordered, as WhatsApp listed them.' })
  items!: OrderLine[];

  @Field(() => String, {
    nullable: true,
    description: 'Sum of quantity × price when every line has a price in one currency; null otherwise.',
  })
  total!: string | null;

  @Field(() => String, { nullable: true, description: 'The currency of total.' })
  currency!: string | null;
}

@ObjectType('FormAnswer', { simpleResolvers: true, description: 'One field of a WhatsApp Flow the person filled in.' })
export class FormAnswerType {
  @Field(() => String, { description: 'The field, made readable from its name in the Flow ("First name").' })
  label!: string;

  @Field(() => String, { description: 'What the person answered, as text.' })
  value!: string;
}

@ObjectType('AdReferral', {
  simpleResolvers: true,
  description: 'The click-to-WhatsApp ad or post the person tapped before writing.',
})
export class AdReferralType {
  @Field(() => String, { nullable: true, description: 'The ad or post.' })
  sourceUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Meta’s id of the ad or post.' })
  sourceId!: string | null;

  @Field(() => String, { nullable: true, description: '"ad" or "post".' })
  sourceType!: string | null;

  @Field(() => String, { nullable: true, description: 'The ad’s headline, as the person saw it.' })
  headline!: string | null;

  @Field(() => String, { nullable: true, description: 'The ad’s text, as the person saw it.' })
  body!: string | null;

  @Field(() => String, { nullable: true, description: '"image" or "video".' })
  mediaType!: string | null;

  @Field(() => String, { nullable: true, description: "Meta's click id for the ad (for attribution)." })
  ctwaClid!: string | null;
}
