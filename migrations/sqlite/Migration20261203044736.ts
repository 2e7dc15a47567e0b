import { Migration } from '@mikro-orm/migrations';

export class Migration20261203044736 extends Migration {
  override name = 'Migration20261203044736';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`webhook_deliveries\` add column \`traceparent\` text null;`);
  }

  override down(): void | Promise<void> {
    // The generator also wrote `create trigger support_messages_fts_*` statements here, garbled (the delete
    // trigger reading new.*): the full-text triggers are outside the diff and this migration never dropped them.
    this.addSql(`alter table \`webhook_deliveries\` drop column \`traceparent\`;`);
  }
}
