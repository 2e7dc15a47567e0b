import { Ctx, Query, Resolver } from 'type-graphql';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { countNotifications, visibleTo } from './notifications.service.js';
import { SupportNotifications } from './support.types.js';

@Resolver(() => SupportNotifications)
export class NotificationsResolver {
  @Query(() => SupportNotifications, { description: "The dashboard badge's counts for the calling agent." })
  async notifications(@Ctx() ctx: GraphqlContext): Promise<SupportNotifications> {
    const { admin } = callerOf(ctx);
    return visibleTo(await countNotifications(ctx.em, admin.id), admin.role);
  }
}
