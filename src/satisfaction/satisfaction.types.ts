// The aggregate of satisfaction ratings over a period.
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Satisfaction ratings given in a period, counted by the database.' })
export class SatisfactionSummary {
  @Field(() => Int, { description: 'How many GOOD ratings.' })
  good!: number;

  @Field(() => Int, { description: 'How many OKAY ratings.' })
  okay!: number;

  @Field(() => Int, { description: 'How many BAD ratings.' })
  bad!: number;

  @Field(() => Int, { description: 'All ratings in the period: good + okay + bad.' })
  responses!: number;
}
