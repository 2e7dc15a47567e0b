// Canned responses over GraphQL: the list (with search), changes, and a live feed of changes.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { callerOf, renewScope, type GraphqlContext } from '../graphql/context.js';
import { ChangeKind, type RecordChangedEvent } from '../pubsub/pubsub.js';
import { CannedResponse } from './canned-response.entity.js';
import { CreateCannedResponseInput, UpdateCannedResponseInput } from './canned-response.inputs.js';
import { CannedResponseChange } from './canned-response.types.js';
import {
  createCannedResponse,
  deleteCannedResponse,
  editorOf,
  listCannedResponses,
  mayEditCannedResponse,
  updateCannedResponse,
} from './canned-response.service.js';

@Resolver(() => CannedResponse)
export class CannedResponseResolver {
  @Query(() => [CannedResponse], {
    description:
      'Canned responses whose shortcode or title contains `search` (a leading / is ignored), shortcodes starting with it first; then by shortcode. At most `first` (1 to 100).',
  })
  cannedResponses(
    @Ctx() ctx: GraphqlContext,
    @Arg('search', () => String, {
      nullable: true,
      description:
        'Text in the shortcode or title, at most 80 characters, matched literally (% and _ are plain); a leading / is ignored. Left out: all.',
    })
    search?: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 50,
      description: 'How many, 1 to 100 (else BAD_USER_INPUT); 50 by default.',
    })
    first?: number,
  ): Promise<CannedResponse[]> {
    return listCannedResponses(ctx.em, search, first ?? 50);
  }

  @Mutation(() => CannedResponse, {
    description:
      'Any agent or admin adds one for the whole desk; they become its author. A taken shortcode is BAD_USER_INPUT.',
  })
  createCannedResponse(
    @Arg('input', () => CreateCannedResponseInput, {
      description: 'The shortcode, title and body; bad ones are BAD_USER_INPUT and change nothing.',
    })
    input: CreateCannedResponseInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<CannedResponse> {
    return createCannedResponse(ctx.support, editorOf(callerOf(ctx)), input);
  }

  @Mutation(() => CannedResponse, { description: 'Its author or an admin only (FORBIDDEN otherwise).' })
  updateCannedResponse(
    @Arg('id', () => ID, { description: 'Its id; an unknown one is NOT_FOUND.' }) id: string,
    @Arg('input', () => UpdateCannedResponseInput, { description: 'What to change.' }) input: UpdateCannedResponseInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<CannedResponse> {
    return updateCannedResponse(ctx.support, editorOf(callerOf(ctx)), id, input);
  }

  @Mutation(() => Boolean, { description: 'Its author or an admin only (FORBIDDEN otherwise). True once deleted.' })
  deleteCannedResponse(
    @Arg('id', () => ID, { description: 'Its id; an unknown one is NOT_FOUND.' }) id: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    return deleteCannedResponse(ctx.support, editorOf(callerOf(ctx)), id);
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'Who wrote it; null when that agent is gone.' })
  author(@Root() response: CannedResponse, @Ctx() ctx: GraphqlContext): Promise<Agent | null> | null {
    return response.author ? ctx.loaders.admin.load(response.author.id) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may change or delete it: its author, or an admin.' })
  viewerCanEdit(@Root() response: CannedResponse, @Ctx() ctx: GraphqlContext): boolean {
    return mayEditCannedResponse(editorOf(callerOf(ctx)), response);
  }

  @Subscription(() => CannedResponseChange, {
    topics: 'CANNED_RESPONSE_CHANGED',
    description: 'Every canned response created, changed or deleted, by anyone.',
  })
  async cannedResponseChanged(
    @Root() event: RecordChangedEvent,
    @Ctx() ctx: GraphqlContext,
  ): Promise<CannedResponseChange> {
    renewScope(ctx);
    const cannedResponse = event.change === ChangeKind.DELETED ? null : await ctx.em.findOne(CannedResponse, event.id);
    return { change: event.change, id: event.id, cannedResponse };
  }
}
