// GraphQL for the built-in simulator: play a person on WhatsApp and see what their phone shows.
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { DomainError, ErrorCode, badInput } from '../errors.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { normalizePhoneNumber, validateBody, validateName } from '../support/support.validation.js';
import type { WhatsappSimulator } from './simulator.js';

@ObjectType('SimulatorChoice', { description: 'A row of a list message, as the phone shows it.' })
class SimulatorChoiceType {
  @Field(() => ID, { description: 'What a tap on the row sends back (simulatorSend’s choiceId).' }) id!: string;
  @Field(() => String, { description: 'The row’s title.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'The row’s second line; null when it has none.' })
  description!: string | null;
}

@ObjectType('SimulatorMessage', { description: 'One message on a simulated phone, from the person or from the desk.' })
class SimulatorMessageType {
  @Field(() => ID, { description: 'The message’s id on the simulated phone.' }) id!: string;
  @Field(() => Boolean, { description: 'Sent by the person (true) or by the desk (false).' }) fromPerson!: boolean;
  @Field(() => String, { description: 'The text as the phone shows it.' })
  text!: string;
  @Field(() => [SimulatorChoiceType], { description: 'Rows to choose from, for a list message.' })
  choices!: SimulatorChoiceType[];
  @Field(() => String, { nullable: true, description: "The list's button label." }) button!: string | null;
  @Field(() => Date, { description: 'When it was sent.' }) sentAt!: Date;
  @Field(() => String, { description: 'sent, delivered or read' }) status!: string;
}

@ObjectType('SimulatorPhone', { description: "A simulated person's WhatsApp conversation with the desk." })
class SimulatorPhoneType {
  @Field(() => String, { description: 'The simulated number, digits only with country code.' }) phoneNumber!: string;
  @Field(() => String, { description: 'The name the person sends with their messages.' }) name!: string;
  @Field(() => [SimulatorMessageType], { description: 'The conversation, oldest first.' })
  messages!: SimulatorMessageType[];
  @Field(() => Boolean, {
    description: "The desk is typing (WhatsApp's typing indicator: up to 25 s, or until its next message).",
  })
  typing!: boolean;
}

function simulatorOf(ctx: GraphqlContext): WhatsappSimulator {
  callerOf(ctx);
  if (!ctx.app.simulator) throw new DomainError(ErrorCode.FORBIDDEN, 'The WhatsApp simulator is off on this server');
  return ctx.app.simulator;
}

@Resolver()
export class SimulatorResolver {
  @Query(() => [SimulatorPhoneType], { description: 'Simulator only: every simulated phone.' })
  simulatorPhones(@Ctx() ctx: GraphqlContext): SimulatorPhoneType[] {
    return simulatorOf(ctx).list();
  }

  @Query(() => SimulatorPhoneType, {
    nullable: true,
    description: 'Simulator only: one phone; looking at it marks the desk’s messages read.',
  })
  async simulatorPhone(
    @Arg('phoneNumber', () => String, {
      description: 'The simulated number, with country code; spaces, dashes and a leading + are ignored.',
    })
    phoneNumber: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<SimulatorPhoneType | null> {
    const simulator = simulatorOf(ctx);
    const digits = normalizePhoneNumber(phoneNumber);
    const phone = simulator.phone(digits);
    // Read after looking, so that every message this answer shows counts as seen.
    await simulator.personReads(digits);
    return phone;
  }

  @Mutation(() => SimulatorMessageType, {
    description: 'Simulator only: the person sends text, or taps a list row (choiceId and its title).',
  })
  simulatorSend(
    @Arg('phoneNumber', () => String, {
      description: 'The simulated number, with country code; a new one starts a new phone.',
    })
    phoneNumber: string,
    @Ctx() ctx: GraphqlContext,
    @Arg('name', () => String, {
      nullable: true,
      description: 'The person’s WhatsApp profile name, at most 255 characters.',
    })
    name?: string | null,
    @Arg('text', () => String, {
      nullable: true,
      description: 'What the person types, at most 4,096 characters; needed unless choiceId is given (BAD_USER_INPUT).',
    })
    text?: string | null,
    @Arg('choiceId', () => String, {
      nullable: true,
      description: 'A list row’s id (SimulatorChoice.id) the person taps, instead of text.',
    })
    choiceId?: string | null,
    @Arg('choiceTitle', () => String, {
      nullable: true,
      description: 'The tapped row’s title, as WhatsApp sends it along; the id when left out.',
    })
    choiceTitle?: string | null,
  ): Promise<SimulatorMessageType> {
    const simulator = simulatorOf(ctx);
    const digits = normalizePhoneNumber(phoneNumber);
    const who = validateName(name);
    if (choiceId) return simulator.personSends(digits, who, { choiceId, title: validateName(choiceTitle) ?? choiceId });
    if (text == null) throw badInput('Send text, or a choiceId');
    return simulator.personSends(digits, who, { text: validateBody(text) });
  }

  @Subscription(() => SimulatorPhoneType, {
    topics: 'SIMULATOR_PHONE_UPDATED',
    filter: ({ payload, args }: { payload: { phoneNumber: string }; args: { phoneNumber: string } }) =>
      payload.phoneNumber === args.phoneNumber.replace(/\D/g, ''),
    description: 'Simulator only: the phone, whenever a message arrives on it or changes.',
  })
  simulatorPhoneUpdated(
    @Root() event: { phoneNumber: string },
    @Ctx() ctx: GraphqlContext,
    @Arg('phoneNumber', () => String, { description: 'The simulated number to watch, with country code.' })
    _phoneNumber: string,
  ): SimulatorPhoneType {
    const phone = simulatorOf(ctx).phone(event.phoneNumber);
    if (!phone) throw new DomainError(ErrorCode.NOT_FOUND, 'No such simulated phone');
    return phone;
  }
}
