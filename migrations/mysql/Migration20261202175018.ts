import { Migration } from '@mikro-orm/migrations';

export class Migration20261202175018 extends Migration {
  override name = 'Migration20261202175018';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`contacts\` add \`bot_conversation\` json null;`);

    this.addSql(`alter table \`support_tickets\` add \`bot_conversation\` json null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`contacts\` drop column \`bot_conversation\`;`);

    this.addSql(`alter table \`support_tickets\` drop column \`bot_conversation\`;`);
  }
}
