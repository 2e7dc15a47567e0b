import { Ctx, Query, Resolver } from 'type-graphql';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { countNotifications } from './notifications.service.js';
import { SupportNotifications } from './support.types.js';

@Resolver(() => SupportNotifications)
export class NotificationsResolver {
  @Query(() => SupportNotifications, { description: "The dashboard badge's counts for the calling agent." })
  notifications(@Ctx() ctx: GraphqlContext): Promise<SupportNotifications> {
    return countNotifications(ctx.em, callerOf(ctx).admin.id);
  }
}
