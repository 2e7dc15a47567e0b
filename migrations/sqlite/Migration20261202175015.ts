import { Migration } from '@mikro-orm/migrations';

export class Migration20261202175015 extends Migration {
  override name = 'Migration20261202175015';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`contacts\` add column \`bot_conversation\` json null;`);

    this.addSql(`alter table \`support_tickets\` add column \`bot_conversation\` json null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`contacts\` drop column \`bot_conversation\`;`);

    this.addSql(`alter table \`support_tickets\` drop column \`bot_conversation\`;`);
  }
}
