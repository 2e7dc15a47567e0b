import { Migration } from '@mikro-orm/migrations';

export class Migration20261203040323 extends Migration {
  override name = 'Migration20261203040323';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`whatsapp_outbox\` add column \`traceparent\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`whatsapp_outbox\` drop column \`traceparent\`;`);
  }
}
