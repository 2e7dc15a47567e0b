import { Migration } from '@mikro-orm/migrations';

export class Migration20261203044737 extends Migration {
  override name = 'Migration20261203044737';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`webhook_deliveries\` add \`traceparent\` varchar(55) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`webhook_deliveries\` drop column \`traceparent\`;`);
  }
}
