import { Migration } from '@mikro-orm/migrations';

export class Migration20261203040328 extends Migration {
  override name = 'Migration20261203040328';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`whatsapp_outbox\` add \`traceparent\` varchar(55) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`whatsapp_outbox\` drop column \`traceparent\`;`);
  }
}
