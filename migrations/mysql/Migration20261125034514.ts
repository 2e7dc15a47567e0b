import { Migration } from '@mikro-orm/migrations';

export class Migration20261125034514 extends Migration {
  override name = 'Migration20261125034514';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`support_tickets\` add \`last_user_message_id\` int null;`);
    // Written by hand: the person's newest message for the tickets that exist already.
    this.addSql(
      `update \`support_tickets\` set \`last_user_message_id\` = (select max(m.\`id\`) from \`support_messages\` m where m.\`ticket_id\` = \`support_tickets\`.\`id\` and m.\`sender_type\` = 'USER');`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`support_tickets\` drop column \`last_user_message_id\`;`);
  }
}
