// Labels over GraphQL: the list, admins' changes to it, and a live feed of those changes.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { actorOf } from '../auth/auth.service.js';
import { assertAdminSession } from '../auth/caller.js';
import { callerOf, renewScope, type GraphqlContext } from '../graphql/context.js';
import { ChangeKind, type RecordChangedEvent } from '../pubsub/pubsub.js';
import { Label, type LabelRecord } from './label.entity.js';
import { CreateLabelInput, UpdateLabelInput } from './label.inputs.js';
import { LabelChange } from './label.types.js';
import { createLabel, deleteLabel, listLabels, updateLabel } from './label.service.js';

@Resolver(() => Label)
export class LabelResolver {
  @Query(() => [Label], { description: 'Every label, by name.' })
  labels(@Ctx() ctx: GraphqlContext): Promise<Label[]> {
    return listLabels(ctx.em);
  }

  @Mutation(() => Label, {
    description: 'Admins only (signed in, not an API token). A name already taken, in any case, is BAD_USER_INPUT.',
  })
  createLabel(
    @Arg('input', () => CreateLabelInput, { description: 'The name and colour; bad ones are BAD_USER_INPUT.' })
    input: CreateLabelInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Label> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return createLabel(ctx.support, actorOf(caller), input);
  }

  @Mutation(() => Label, { description: 'Admins only: renames and/or recolours the label everywhere it is shown.' })
  updateLabel(
    @Arg('id', () => ID, { description: 'The label’s id; an unknown one is NOT_FOUND.' }) id: string,
    @Arg('input', () => UpdateLabelInput, { description: 'What to change.' }) input: UpdateLabelInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Label> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return updateLabel(ctx.support, actorOf(caller), id, input);
  }

  @Mutation(() => Boolean, {
    description: 'Admins only: deletes the label and takes it off every ticket. True once deleted.',
  })
  deleteLabel(
    @Arg('id', () => ID, { description: 'The label’s id; an unknown one is NOT_FOUND.' }) id: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return deleteLabel(ctx.support, actorOf(caller), id);
  }

  @FieldResolver(() => Int, { description: 'How many tickets carry it.' })
  ticketCount(@Root() label: LabelRecord, @Ctx() ctx: GraphqlContext): Promise<number> {
    return ctx.loaders.labelTicketCount.load(label.id);
  }

  @Subscription(() => LabelChange, {
    topics: 'LABEL_CHANGED',
    description:
      'Every label created, renamed, recoloured or deleted. (Tickets carrying a changed label get no ticketUpdated for it: the label’s id is the same.)',
  })
  async labelChanged(@Root() event: RecordChangedEvent, @Ctx() ctx: GraphqlContext): Promise<LabelChange> {
    renewScope(ctx);
    const label = event.change === ChangeKind.DELETED ? null : await ctx.em.findOne(Label, event.id);
    return { change: event.change, id: event.id, label };
  }
}
