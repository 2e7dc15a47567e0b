// Saved views over GraphQL: the caller's and the desk's views, their counts, and changes to them.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { SavedView } from './saved-view.entity.js';
import {
  countViewTickets,
  createSavedView,
  deleteSavedView,
  listSavedViews,
  mayEditView,
  updateSavedView,
  viewOwnerOf,
} from './saved-view.service.js';
import { CreateSavedViewInput, UpdateSavedViewInput } from './saved-view.types.js';

@Resolver(() => SavedView)
export class SavedViewResolver {
  @Query(() => [SavedView], {
    description: 'The views the caller sees: their own (by name), then the desk’s (by name). At most 20 of each.',
  })
  savedViews(@Ctx() ctx: GraphqlContext): Promise<SavedView[]> {
    return listSavedViews(ctx.em, callerOf(ctx).admin.id);
  }

  @Mutation(() => SavedView, {
    description:
      'Saves a filter set as a named view: the caller’s own, or (shared, admins only) the desk’s. A taken name, unknown labels or agents, or more than 20 views are BAD_USER_INPUT.',
  })
  createSavedView(
    @Arg('input', () => CreateSavedViewInput, { description: 'The name, whether it is shared, and the filters.' })
    input: CreateSavedViewInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<SavedView> {
    return createSavedView(ctx.support, viewOwnerOf(callerOf(ctx)), input);
  }

  @Mutation(() => SavedView, {
    description: 'Renames a view or replaces its filters: the owner’s own view, or a desk view by an admin.',
  })
  updateSavedView(
    @Arg('id', () => ID, {
      description: 'The view’s id; one the caller cannot see is NOT_FOUND, a desk view changed by an agent FORBIDDEN.',
    })
    id: string,
    @Arg('input', () => UpdateSavedViewInput, {
      description: 'A new name, new filters, or both (neither is BAD_USER_INPUT).',
    })
    input: UpdateSavedViewInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<SavedView> {
    return updateSavedView(ctx.support, viewOwnerOf(callerOf(ctx)), id, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes the owner’s own view, or a desk view (admins). True once deleted.' })
  deleteSavedView(
    @Arg('id', () => ID, {
      description: 'The view’s id; one the caller cannot see is NOT_FOUND, a desk view deleted by an agent FORBIDDEN.',
    })
    id: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    return deleteSavedView(ctx.support, viewOwnerOf(callerOf(ctx)), id);
  }

  @FieldResolver(() => Int, {
    description: 'How many tickets the view lists now, for the caller (a view of ME counts the caller’s tickets).',
  })
  ticketCount(@Root() view: SavedView, @Ctx() ctx: GraphqlContext): Promise<number> {
    return countViewTickets(ctx.em, view, callerOf(ctx).admin.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may rename or delete it.' })
  viewerCanEdit(@Root() view: SavedView, @Ctx() ctx: GraphqlContext): boolean {
    return mayEditView(viewOwnerOf(callerOf(ctx)), view);
  }
}
